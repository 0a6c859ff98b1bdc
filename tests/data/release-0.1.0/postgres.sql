--
-- PostgreSQL database dump
--

\restrict cfQwmnEypHvjgQMjURbQjBRq8S1L8zf31HLpSIm4dh6Q8R4kcSf5vPTOe8Zqj4m

-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: api_keys; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_keys (
    id integer NOT NULL,
    name character varying NOT NULL,
    key_hash character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone
);


--
-- Name: api_keys_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.api_keys_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: api_keys_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.api_keys_id_seq OWNED BY public.api_keys.id;


--
-- Name: daily_statuses; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.daily_statuses (
    store_id character varying NOT NULL,
    activity character varying NOT NULL,
    status character varying NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: delivery_attempts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.delivery_attempts (
    id bigint NOT NULL,
    reminder_id integer NOT NULL,
    attempted_at timestamp with time zone NOT NULL,
    outcome character varying NOT NULL,
    smtp_code integer,
    detail character varying
);


--
-- Name: delivery_attempts_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.delivery_attempts_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: delivery_attempts_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.delivery_attempts_id_seq OWNED BY public.delivery_attempts.id;


--
-- Name: feed_tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.feed_tokens (
    id integer NOT NULL,
    store_id character varying NOT NULL,
    token_hash character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone
);


--
-- Name: feed_tokens_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.feed_tokens_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: feed_tokens_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.feed_tokens_id_seq OWNED BY public.feed_tokens.id;


--
-- Name: planned; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.planned (
    subscription_id integer NOT NULL,
    cycle character varying NOT NULL,
    until timestamp with time zone NOT NULL,
    catalog_version character varying NOT NULL
);


--
-- Name: product_snapshots; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.product_snapshots (
    id bigint NOT NULL,
    product_id character varying NOT NULL,
    store_id character varying NOT NULL,
    captured_at timestamp with time zone NOT NULL,
    imported_at timestamp with time zone NOT NULL,
    source character varying NOT NULL,
    content_hash character varying(64) NOT NULL,
    title character varying,
    listed_at date,
    wholesale_price numeric(18,6),
    sales_30d integer,
    buyers_30d integer,
    clicks_30d integer,
    competitiveness_score numeric(18,6),
    free_sample boolean,
    sample_price numeric(18,6),
    stock integer,
    online_order boolean,
    image_square boolean,
    image_watermark boolean,
    description_complete boolean,
    activity_discount numeric(18,6),
    free_shipping boolean,
    CONSTRAINT ck_product_snapshots_activity_discount CHECK (((activity_discount >= (0)::numeric) AND (activity_discount <= (1)::numeric))),
    CONSTRAINT ck_product_snapshots_buyers_30d CHECK ((buyers_30d >= 0)),
    CONSTRAINT ck_product_snapshots_clicks_30d CHECK ((clicks_30d >= 0)),
    CONSTRAINT ck_product_snapshots_competitiveness_score CHECK ((competitiveness_score >= (0)::numeric)),
    CONSTRAINT ck_product_snapshots_sales_30d CHECK ((sales_30d >= 0)),
    CONSTRAINT ck_product_snapshots_sample_price CHECK ((sample_price >= (0)::numeric)),
    CONSTRAINT ck_product_snapshots_stock CHECK ((stock >= 0)),
    CONSTRAINT ck_product_snapshots_wholesale_price CHECK ((wholesale_price >= (0)::numeric))
);


--
-- Name: product_snapshots_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.product_snapshots_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: product_snapshots_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.product_snapshots_id_seq OWNED BY public.product_snapshots.id;


--
-- Name: products; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.products (
    product_id character varying NOT NULL,
    store_id character varying NOT NULL,
    title character varying
);


--
-- Name: reminders; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.reminders (
    id integer NOT NULL,
    key character varying NOT NULL,
    subscription_id integer NOT NULL,
    store_id character varying NOT NULL,
    activity character varying NOT NULL,
    occurrence_key character varying NOT NULL,
    kind character varying NOT NULL,
    due_at timestamp with time zone NOT NULL,
    deadline_at timestamp with time zone NOT NULL,
    status character varying NOT NULL,
    lease_owner character varying,
    lease_until timestamp with time zone,
    attempts integer NOT NULL,
    message_id character varying,
    sent_at timestamp with time zone,
    CONSTRAINT ck_reminders_attempts CHECK ((attempts >= 0)),
    CONSTRAINT ck_reminders_status CHECK (((status)::text = ANY ((ARRAY['pending'::character varying, 'sending'::character varying, 'sent'::character varying, 'missed'::character varying, 'failed'::character varying, 'suppressed'::character varying])::text[])))
);


--
-- Name: reminders_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.reminders_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: reminders_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.reminders_id_seq OWNED BY public.reminders.id;


--
-- Name: store_snapshots; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.store_snapshots (
    id bigint NOT NULL,
    store_id character varying NOT NULL,
    captured_at timestamp with time zone NOT NULL,
    imported_at timestamp with time zone NOT NULL,
    source character varying NOT NULL,
    content_hash character varying(64) NOT NULL,
    name character varying,
    member_since date,
    medal_level integer,
    satisfaction numeric(18,6),
    products_online integer,
    products_listed integer,
    gmv_30d numeric(18,6),
    buyers_30d integer,
    shipping_promise character varying,
    buyer_protection boolean,
    delivery_guarantee boolean,
    alipay_verified boolean,
    online_trading boolean,
    disputes_90d integer,
    dispute_rate_90d numeric(18,6),
    risk_score numeric(18,6),
    industrial_belt character varying,
    last_group_wholesale_gmv numeric(18,6),
    last_promotion_gmv numeric(18,6),
    email character varying,
    CONSTRAINT ck_store_snapshots_buyers_30d CHECK ((buyers_30d >= 0)),
    CONSTRAINT ck_store_snapshots_dispute_rate_90d CHECK (((dispute_rate_90d >= (0)::numeric) AND (dispute_rate_90d <= (1)::numeric))),
    CONSTRAINT ck_store_snapshots_disputes_90d CHECK ((disputes_90d >= 0)),
    CONSTRAINT ck_store_snapshots_gmv_30d CHECK ((gmv_30d >= (0)::numeric)),
    CONSTRAINT ck_store_snapshots_last_group_wholesale_gmv CHECK ((last_group_wholesale_gmv >= (0)::numeric)),
    CONSTRAINT ck_store_snapshots_last_promotion_gmv CHECK ((last_promotion_gmv >= (0)::numeric)),
    CONSTRAINT ck_store_snapshots_medal_level CHECK (((medal_level >= 0) AND (medal_level <= 5))),
    CONSTRAINT ck_store_snapshots_products_listed CHECK ((products_listed >= 0)),
    CONSTRAINT ck_store_snapshots_products_online CHECK ((products_online >= 0)),
    CONSTRAINT ck_store_snapshots_risk_score CHECK ((risk_score >= (0)::numeric)),
    CONSTRAINT ck_store_snapshots_satisfaction CHECK (((satisfaction >= (0)::numeric) AND (satisfaction <= (5)::numeric))),
    CONSTRAINT ck_store_snapshots_shipping_promise CHECK (((shipping_promise)::text = ANY ((ARRAY['24h'::character varying, '48h'::character varying, '72h'::character varying, 'none'::character varying])::text[])))
);


--
-- Name: store_snapshots_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.store_snapshots_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: store_snapshots_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.store_snapshots_id_seq OWNED BY public.store_snapshots.id;


--
-- Name: stores; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.stores (
    store_id character varying NOT NULL,
    name character varying,
    email character varying,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: subscriptions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.subscriptions (
    id integer NOT NULL,
    store_id character varying NOT NULL,
    email character varying NOT NULL,
    locale character varying NOT NULL,
    unsubscribe_token character varying NOT NULL,
    created_at timestamp with time zone NOT NULL,
    unsubscribed_at timestamp with time zone,
    CONSTRAINT ck_subscriptions_locale CHECK (((locale)::text = ANY ((ARRAY['zh-CN'::character varying, 'en'::character varying])::text[])))
);


--
-- Name: subscriptions_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.subscriptions_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: subscriptions_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.subscriptions_id_seq OWNED BY public.subscriptions.id;


--
-- Name: api_keys id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_keys ALTER COLUMN id SET DEFAULT nextval('public.api_keys_id_seq'::regclass);


--
-- Name: delivery_attempts id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.delivery_attempts ALTER COLUMN id SET DEFAULT nextval('public.delivery_attempts_id_seq'::regclass);


--
-- Name: feed_tokens id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feed_tokens ALTER COLUMN id SET DEFAULT nextval('public.feed_tokens_id_seq'::regclass);


--
-- Name: product_snapshots id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.product_snapshots ALTER COLUMN id SET DEFAULT nextval('public.product_snapshots_id_seq'::regclass);


--
-- Name: reminders id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reminders ALTER COLUMN id SET DEFAULT nextval('public.reminders_id_seq'::regclass);


--
-- Name: store_snapshots id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.store_snapshots ALTER COLUMN id SET DEFAULT nextval('public.store_snapshots_id_seq'::regclass);


--
-- Name: subscriptions id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.subscriptions ALTER COLUMN id SET DEFAULT nextval('public.subscriptions_id_seq'::regclass);


--
-- Data for Name: api_keys; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.api_keys VALUES (1, 'agency', 'bd7044aaeb9b90963c836149550d3de289b071e3a02d0980dc407e9b7c54bd78', '2026-12-03 19:09:03.980842+00', NULL);
INSERT INTO public.api_keys VALUES (2, 'old-laptop', '26aa253109d782600c743e344d42a24cd7af2114f239c43c755a3679efc3dacb', '2026-12-03 19:09:16.73279+00', '2026-12-03 19:09:26.74556+00');


--
-- Data for Name: daily_statuses; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.daily_statuses VALUES ('b2b-220001', 'daily-group-buy', 'eligible', '2026-12-16 02:00:00+00');
INSERT INTO public.daily_statuses VALUES ('b2b-220001', 'daily-group-wholesale', 'eligible', '2026-12-16 02:00:00+00');
INSERT INTO public.daily_statuses VALUES ('b2b-220001', 'daily-mobile', 'unknown', '2026-12-16 02:00:00+00');
INSERT INTO public.daily_statuses VALUES ('b2b-220001', 'daily-quick-order', 'eligible', '2026-12-16 02:00:00+00');
INSERT INTO public.daily_statuses VALUES ('b2b-220001', 'daily-samples', 'ineligible', '2026-12-16 02:00:00+00');
INSERT INTO public.daily_statuses VALUES ('b2b-220002', 'daily-group-buy', 'eligible', '2026-12-16 02:00:00+00');
INSERT INTO public.daily_statuses VALUES ('b2b-220002', 'daily-group-wholesale', 'eligible', '2026-12-16 02:00:00+00');
INSERT INTO public.daily_statuses VALUES ('b2b-220002', 'daily-mobile', 'unknown', '2026-12-16 02:00:00+00');
INSERT INTO public.daily_statuses VALUES ('b2b-220002', 'daily-quick-order', 'eligible', '2026-12-16 02:00:00+00');
INSERT INTO public.daily_statuses VALUES ('b2b-220002', 'daily-samples', 'ineligible', '2026-12-16 02:00:00+00');
INSERT INTO public.daily_statuses VALUES ('b2b-220011', 'daily-group-buy', 'ineligible', '2026-12-16 02:00:00+00');
INSERT INTO public.daily_statuses VALUES ('b2b-220011', 'daily-group-wholesale', 'ineligible', '2026-12-16 02:00:00+00');
INSERT INTO public.daily_statuses VALUES ('b2b-220011', 'daily-mobile', 'unknown', '2026-12-16 02:00:00+00');
INSERT INTO public.daily_statuses VALUES ('b2b-220011', 'daily-quick-order', 'eligible', '2026-12-16 02:00:00+00');
INSERT INTO public.daily_statuses VALUES ('b2b-220011', 'daily-samples', 'eligible', '2026-12-16 02:00:00+00');


--
-- Data for Name: delivery_attempts; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.delivery_attempts VALUES (1, 107, '2026-12-15 02:00:00+00', 'sent', NULL, 'written to /tmp/tmp.rhSP79mOOY/outbox-postgres/new/1796324988.M808653P17007Q1.vm');
INSERT INTO public.delivery_attempts VALUES (2, 54, '2026-12-15 02:00:00+00', 'sent', NULL, 'written to /tmp/tmp.rhSP79mOOY/outbox-postgres/new/1796324988.M891328P17007Q2.vm');
INSERT INTO public.delivery_attempts VALUES (3, 1, '2026-12-15 02:00:00+00', 'sent', NULL, 'written to /tmp/tmp.rhSP79mOOY/outbox-postgres/new/1796324988.M989345P17007Q3.vm');
INSERT INTO public.delivery_attempts VALUES (4, 24, '2026-12-15 02:00:00+00', 'sent', NULL, 'written to /tmp/tmp.rhSP79mOOY/outbox-postgres/new/1796324989.M15885P17007Q4.vm');
INSERT INTO public.delivery_attempts VALUES (5, 30, '2026-12-15 02:00:00+00', 'sent', NULL, 'written to /tmp/tmp.rhSP79mOOY/outbox-postgres/new/1796324989.M30386P17007Q5.vm');
INSERT INTO public.delivery_attempts VALUES (6, 36, '2026-12-15 02:00:00+00', 'sent', NULL, 'written to /tmp/tmp.rhSP79mOOY/outbox-postgres/new/1796324989.M84535P17007Q6.vm');
INSERT INTO public.delivery_attempts VALUES (7, 42, '2026-12-15 02:00:00+00', 'sent', NULL, 'written to /tmp/tmp.rhSP79mOOY/outbox-postgres/new/1796324989.M132374P17007Q7.vm');
INSERT INTO public.delivery_attempts VALUES (8, 65, '2026-12-15 02:00:00+00', 'sent', NULL, 'written to /tmp/tmp.rhSP79mOOY/outbox-postgres/new/1796324989.M156869P17007Q8.vm');
INSERT INTO public.delivery_attempts VALUES (9, 71, '2026-12-15 02:00:00+00', 'sent', NULL, 'written to /tmp/tmp.rhSP79mOOY/outbox-postgres/new/1796324989.M194699P17007Q9.vm');
INSERT INTO public.delivery_attempts VALUES (10, 77, '2026-12-15 02:00:00+00', 'sent', NULL, 'written to /tmp/tmp.rhSP79mOOY/outbox-postgres/new/1796324989.M225449P17007Q10.vm');
INSERT INTO public.delivery_attempts VALUES (11, 83, '2026-12-15 02:00:00+00', 'sent', NULL, 'written to /tmp/tmp.rhSP79mOOY/outbox-postgres/new/1796324989.M277506P17007Q11.vm');
INSERT INTO public.delivery_attempts VALUES (12, 89, '2026-12-15 02:00:00+00', 'sent', NULL, 'written to /tmp/tmp.rhSP79mOOY/outbox-postgres/new/1796324989.M315784P17007Q12.vm');
INSERT INTO public.delivery_attempts VALUES (13, 95, '2026-12-15 02:00:00+00', 'sent', NULL, 'written to /tmp/tmp.rhSP79mOOY/outbox-postgres/new/1796324989.M368143P17007Q13.vm');
INSERT INTO public.delivery_attempts VALUES (14, 118, '2026-12-15 02:00:00+00', 'sent', NULL, 'written to /tmp/tmp.rhSP79mOOY/outbox-postgres/new/1796324989.M386249P17007Q14.vm');
INSERT INTO public.delivery_attempts VALUES (15, 124, '2026-12-15 02:00:00+00', 'sent', NULL, 'written to /tmp/tmp.rhSP79mOOY/outbox-postgres/new/1796324989.M404008P17007Q15.vm');
INSERT INTO public.delivery_attempts VALUES (16, 130, '2026-12-15 02:00:00+00', 'sent', NULL, 'written to /tmp/tmp.rhSP79mOOY/outbox-postgres/new/1796324989.M437478P17007Q16.vm');
INSERT INTO public.delivery_attempts VALUES (17, 136, '2026-12-15 02:00:00+00', 'sent', NULL, 'written to /tmp/tmp.rhSP79mOOY/outbox-postgres/new/1796324989.M485154P17007Q17.vm');
INSERT INTO public.delivery_attempts VALUES (18, 142, '2026-12-15 02:00:00+00', 'sent', NULL, 'written to /tmp/tmp.rhSP79mOOY/outbox-postgres/new/1796324989.M521183P17007Q18.vm');
INSERT INTO public.delivery_attempts VALUES (19, 148, '2026-12-15 02:00:00+00', 'sent', NULL, 'written to /tmp/tmp.rhSP79mOOY/outbox-postgres/new/1796324989.M553606P17007Q19.vm');
INSERT INTO public.delivery_attempts VALUES (20, 12, '2026-12-15 02:00:00+00', 'sent', NULL, 'written to /tmp/tmp.rhSP79mOOY/outbox-postgres/new/1796324989.M581362P17007Q20.vm');
INSERT INTO public.delivery_attempts VALUES (21, 18, '2026-12-15 02:00:00+00', 'sent', NULL, 'written to /tmp/tmp.rhSP79mOOY/outbox-postgres/new/1796324989.M597003P17007Q21.vm');


--
-- Data for Name: feed_tokens; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.feed_tokens VALUES (1, 'b2b-220011', '1ed87373d37f7376c80232fca40ff4be45ddd8a3ccbac7adfe3f9ea64ae5cf4c', '2026-12-03 19:09:32.718607+00', NULL);
INSERT INTO public.feed_tokens VALUES (2, 'b2b-220001', '11d81ca96c33c9342df5f77b179e29abc81e3cec064f31d3fc432be2d2665ad7', '2026-12-03 19:09:40.257828+00', NULL);


--
-- Data for Name: planned; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: product_snapshots; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.product_snapshots VALUES (1, 'p-00001', 'b2b-220001', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'd51ffb4387e441714d13f677f93c6009459b3df5a710336c7c964205ee27d615', '纯棉圆领T恤 爆款', '2026-10-31', 8.500000, 40, 34, 0, 85.000000, true, 8.500000, 300, true, true, true, true, 0.850000, false);
INSERT INTO public.product_snapshots VALUES (2, 'p-00002', 'b2b-220001', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '418371a6d74e2a446366dbf5487f0ece312afeb32033b2ac48649c40b9f471c9', '加绒卫衣 新款', '2026-11-13', 36.800000, 8, 8, 15, 85.000000, false, NULL, 300, true, true, false, true, 0.750000, false);
INSERT INTO public.product_snapshots VALUES (3, 'p-00003', 'b2b-220001', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '1dbfaa78434a2c8149b532487220b1156a634bc2b98d6075cedac4115ee80b9f', '高腰牛仔裤 工厂直销', '2026-05-09', 59.000000, 0, 0, 150, 66.000000, true, 59.000000, 300, true, true, false, true, NULL, true);
INSERT INTO public.product_snapshots VALUES (4, 'p-00004', 'b2b-220001', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '7b5b64a05dfa073b01caa689a708511247c180e6334dd48f5a2a016ebc0924b6', '冰丝防晒衣 批发', '2026-08-27', 20.000000, 8, 8, 0, 85.000000, true, 20.000000, 0, true, true, false, false, NULL, false);
INSERT INTO public.product_snapshots VALUES (5, 'p-00005', 'b2b-220001', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'be757877edd7a3aaec122ca64430b3d1e0c96336d1fbd921ebc5f915a88b60a7', '针织开衫 跨境', '2026-10-11', 20.000000, 8, 8, 900, 12.000000, true, 20.000000, 50, true, true, false, false, 0.800000, true);
INSERT INTO public.product_snapshots VALUES (6, 'p-00006', 'b2b-220001', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'e378eb7910c730965958aa66e77daa7131b9b268c20dedf32a8633d07e6b1e76', '纯棉圆领T恤 爆款', '2026-10-31', 36.800000, 40, 40, 0, 12.000000, false, NULL, 0, true, true, true, true, NULL, false);
INSERT INTO public.product_snapshots VALUES (7, 'p-00007', 'b2b-220001', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '572597c8378e9147cea404f18aeaf716c5c7d398706795b0a1b3f32b10e10dfd', '加绒卫衣 新款', '2026-10-11', 59.000000, 40, 2, 0, 85.000000, false, NULL, 0, true, true, false, true, 0.900000, true);
INSERT INTO public.product_snapshots VALUES (8, 'p-00008', 'b2b-220002', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '807182ed352be21197245b24c337e84e9c2d466b3ce6b13742d99ddf814009d3', '透气飞织运动鞋 爆款', '2026-05-09', 19.900000, 600, 60, 0, 48.000000, false, NULL, 0, true, false, false, true, 0.800000, false);
INSERT INTO public.product_snapshots VALUES (9, 'p-00009', 'b2b-220002', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '48d0d73bb8cd454373f628868612bec0e8929a2921dd98d26f811dfd1c50cd78', '软底妈妈鞋 新款', '2026-10-31', 8.500000, 120, 53, 150, 85.000000, false, NULL, 0, true, true, false, true, 0.900000, false);
INSERT INTO public.product_snapshots VALUES (10, 'p-00010', 'b2b-220002', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '72f60a29f12c643f539700e3b0456970f495bad2fe48fa11a9a4d434b32b4306', '儿童凉鞋 工厂直销', '2026-11-20', 8.500000, 40, 40, 150, 85.000000, false, NULL, 300, true, true, true, true, 0.750000, false);
INSERT INTO public.product_snapshots VALUES (11, 'p-00011', 'b2b-220002', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '9b0c55b0b63a7e28ad71a871cc44d48d0253aa29ed5443d4360bc2f7ebdd2859', '加绒雪地靴 批发', '2026-05-09', 8.500000, 8, 1, 150, 48.000000, false, NULL, 300, true, true, false, true, 0.900000, false);
INSERT INTO public.product_snapshots VALUES (12, 'p-00012', 'b2b-220002', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '4f937b36c7757569dfe9ad4f4164aecd168908555483006de0679ff746ab342e', '男士商务皮鞋 跨境', '2026-10-31', 15.000000, 40, 40, 0, 48.000000, true, 15.000000, 300, true, true, false, true, 0.850000, false);
INSERT INTO public.product_snapshots VALUES (13, 'p-00013', 'b2b-220002', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '500e4faa67825ead6c25ef4cbd57cee2d20b65e146b009998ad7d2508d49400d', '透气飞织运动鞋 爆款', '2026-08-27', 8.500000, 0, 0, 150, 48.000000, true, 0.010000, 0, true, true, false, true, NULL, false);
INSERT INTO public.product_snapshots VALUES (14, 'p-00014', 'b2b-220002', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '80082852324433a807b68d0eb917341a9358be1ef24e03562d67e6a424de571b', '软底妈妈鞋 新款', '2026-10-31', 25.000000, 0, 0, 15, 48.000000, true, 25.000000, 0, true, false, false, true, 0.800000, false);
INSERT INTO public.product_snapshots VALUES (15, 'p-00015', 'b2b-220003', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'ccb47ce6e7e6ea4c79c4cf16ada1b1894f928ee3bf413554c74e583ed6748321', '益智积木套装 爆款', '2026-05-09', 20.000000, 8, 8, 900, 66.000000, true, 20.000000, 300, true, true, false, true, 0.900000, true);
INSERT INTO public.product_snapshots VALUES (16, 'p-00016', 'b2b-220003', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '1c9b3c85d83cc1ed9e9131171d8a1fac67713582e2d2462a76273d71c72787a7', '遥控越野车 新款', '2026-10-11', 25.000000, 600, 1, 150, 66.000000, true, 25.000000, 300, true, false, false, true, NULL, true);
INSERT INTO public.product_snapshots VALUES (17, 'p-00017', 'b2b-220003', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '72f888cb406d261a741fc29bce849a61ac600b592d289d014d4633f4245cd6ab', '毛绒公仔 工厂直销', '2026-05-09', 19.900000, 8, 8, 150, 48.000000, true, 19.900000, 300, true, true, false, true, 0.750000, false);
INSERT INTO public.product_snapshots VALUES (18, 'p-00018', 'b2b-220003', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '0c304c7f8c61d27685fa91d2ea7fdfa5fb935f561dc078cbdf1b0797317abb9f', '泡泡机 批发', '2026-11-20', 25.000000, 8, 8, 0, 12.000000, true, 25.000000, 0, false, false, false, true, 0.750000, false);
INSERT INTO public.product_snapshots VALUES (19, 'p-00019', 'b2b-220003', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '4ee650944d6e9188db5b45a050a5c64bb7e74d31da11b994a89347e26d29e940', '磁力片 跨境', '2026-08-27', 20.000000, 8, 8, 150, 12.000000, false, NULL, 0, false, true, false, true, 0.900000, false);
INSERT INTO public.product_snapshots VALUES (20, 'p-00020', 'b2b-220003', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'b1bcf0a5437e63721a8965155953a008a2445d7ab5b4887d32faf92e8999c8be', '益智积木套装 爆款', '2026-08-27', 8.500000, 120, 52, 150, 66.000000, true, 8.500000, 300, true, true, true, true, 0.750000, false);
INSERT INTO public.product_snapshots VALUES (21, 'p-00021', 'b2b-220003', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '70728e287f0e3d1a8e1661494444d95ed1d943a4808f7d7031716f9ec7c203db', '遥控越野车 新款', '2026-10-31', 25.000000, 40, 40, 900, 25.000000, true, 25.000000, 0, true, true, false, true, 0.900000, true);
INSERT INTO public.product_snapshots VALUES (22, 'p-00022', 'b2b-220004', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '64ef607af9d864e855ee0ece7a850175d40a81b0a0082a6eef11b4ca392ff334', '家用电钻套装 爆款', '2026-11-20', 128.000000, 0, 0, 15, 66.000000, true, 128.000000, 300, true, true, false, true, NULL, false);
INSERT INTO public.product_snapshots VALUES (23, 'p-00023', 'b2b-220004', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '58246e1bb9f2301d22ff68e14b0a6b9bcb9c3145ca539cf3b29f27150e99c67f', '多功能扳手 新款', '2026-05-09', 8.500000, 8, 8, 150, 66.000000, true, 8.500000, 300, true, false, false, true, 0.900000, false);
INSERT INTO public.product_snapshots VALUES (24, 'p-00024', 'b2b-220004', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '7f7e9147b19874477278e508dadb7670c4cc2e754b7691b28ab821ac7cfac690', '卷尺5米 工厂直销', '2026-11-13', 128.000000, 0, 0, 900, 12.000000, true, 128.000000, 300, true, true, false, true, 0.900000, false);
INSERT INTO public.product_snapshots VALUES (25, 'p-00025', 'b2b-220004', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '7319591b63b3287ab080d36084791ee2604e535dc881a93f7ff2aa9299e18f0c', '电工胶带 批发', '2026-10-31', 15.000000, 8, 8, 900, 12.000000, false, NULL, 300, true, true, false, false, 0.800000, false);
INSERT INTO public.product_snapshots VALUES (26, 'p-00026', 'b2b-220004', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'a7e2d66ab82420568f97110e469b1b09b41f400cc4f5db138c46ad53aedc9d77', '螺丝刀组合 跨境', '2026-11-20', 15.000000, 120, 52, 900, 25.000000, false, NULL, 50, true, true, false, true, NULL, false);
INSERT INTO public.product_snapshots VALUES (27, 'p-00027', 'b2b-220004', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'b17f0e3574a607d693861c63aaef755878bee8ad036b4f71932e7b24c99e0692', '家用电钻套装 爆款', '2026-10-31', 128.000000, 120, 38, 150, 85.000000, true, 128.000000, 50, false, false, false, true, 0.750000, true);
INSERT INTO public.product_snapshots VALUES (28, 'p-00028', 'b2b-220004', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '4f3c97ff267bac9686ce0f13c96da1825fd30ac5034261e2f91438abc668c179', '多功能扳手 新款', '2026-11-13', 25.000000, 0, 0, 150, 66.000000, true, 25.000000, 300, true, true, false, true, 0.900000, false);
INSERT INTO public.product_snapshots VALUES (29, 'p-00029', 'b2b-220005', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '34c0c5eb6c29b7984c257839d5e982b6dcad3ed6f49da4908fcc28d1fb6ea1a4', '便携榨汁杯 爆款', '2026-10-11', 15.000000, 0, 0, 15, 25.000000, false, NULL, 300, true, true, false, true, 0.750000, true);
INSERT INTO public.product_snapshots VALUES (30, 'p-00030', 'b2b-220005', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'c36691d2a0bf4c1c48118fa0e9ff90d80a1ce1a15abcc5909b28dd33e8d32261', '迷你加湿器 新款', '2026-11-20', 8.500000, 600, 8, 150, 85.000000, true, 8.500000, 50, false, true, true, true, 0.800000, true);
INSERT INTO public.product_snapshots VALUES (31, 'p-00031', 'b2b-220005', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '6d5000c74841963c4abac31d67c69772bd59ef352be64c2c99103562d60f7c53', '电热水壶 工厂直销', '2026-08-27', 15.000000, 120, 7, 150, 48.000000, false, NULL, 0, true, true, false, true, NULL, true);
INSERT INTO public.product_snapshots VALUES (32, 'p-00032', 'b2b-220005', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '5be07aeb55e694bf2cee81d5f142bc5955f0d5038776548dc7d17cc914658715', '桌面小风扇 批发', '2026-11-20', 128.000000, 0, 0, 900, 12.000000, false, NULL, 0, false, false, false, false, 0.750000, false);
INSERT INTO public.product_snapshots VALUES (33, 'p-00033', 'b2b-220005', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '112df375ff05b5dce7cc623454cf5eeb6b349591d03e3b425afc5024441025d4', '挂烫机 跨境', '2026-10-11', 19.900000, 40, 40, 15, 12.000000, false, NULL, 300, true, true, false, true, 0.900000, true);
INSERT INTO public.product_snapshots VALUES (34, 'p-00034', 'b2b-220005', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '6c2cc8833f8f59d2b234d5edfd8c239ffb313a632e422958011dd2fbe3106440', '便携榨汁杯 爆款', '2026-05-09', 59.000000, 8, 1, 0, 66.000000, true, 59.000000, 0, true, true, true, false, 0.800000, true);
INSERT INTO public.product_snapshots VALUES (35, 'p-00035', 'b2b-220005', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'de221df28a733187e862a9c962902b084a072271de2d573e9d6c940b21f24a2e', '迷你加湿器 新款', '2026-05-09', 128.000000, 0, 0, 0, 66.000000, true, 128.000000, 50, true, true, false, true, 0.850000, false);
INSERT INTO public.product_snapshots VALUES (36, 'p-00036', 'b2b-220006', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '93faaf8692371595f80bd49ac949ae70d371bde0192edf9b5f39f002f382a08b', '硅胶折叠收纳盒 爆款', '2026-05-09', 59.000000, 120, 38, 900, 12.000000, true, 59.000000, 0, true, true, false, true, 0.800000, true);
INSERT INTO public.product_snapshots VALUES (37, 'p-00037', 'b2b-220006', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '04ec0e026b8880e74d08e71022e666baed5ea6f69341830d3153dd9107cc1d81', '不锈钢保温杯 新款', '2026-11-20', 20.000000, 8, 8, 900, 12.000000, true, 20.000000, 300, true, true, false, true, 0.850000, true);
INSERT INTO public.product_snapshots VALUES (38, 'p-00038', 'b2b-220006', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '3af7157b8a617c75438dc3fe6006b94e943f47c4def3d35c76f1119653049a27', '厨房置物架 工厂直销', '2026-05-09', 59.000000, 0, 0, 900, 66.000000, true, 59.000000, 0, true, true, true, true, NULL, false);
INSERT INTO public.product_snapshots VALUES (39, 'p-00039', 'b2b-220006', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'e2053b1ad25df3da74d6af5addd5cfba3b054466a00c57178f8f9603d68f9f0a', '抽绳垃圾袋 批发', '2026-10-11', 25.000000, 0, 0, 150, 66.000000, false, NULL, 0, true, true, false, true, 0.750000, false);
INSERT INTO public.product_snapshots VALUES (40, 'p-00040', 'b2b-220006', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'be651454cc6bad630740a6bf66b45d485f4b174181e369dddaa69b710f2bdd2a', '免打孔挂钩 跨境', '2026-11-20', 20.000000, 120, 0, 15, 25.000000, false, NULL, 0, false, true, false, true, NULL, true);
INSERT INTO public.product_snapshots VALUES (41, 'p-00041', 'b2b-220006', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'e278fc6a77bfab6e3a158fcb3b809308fd94b0e14148d4df7d752c3b0062add5', '硅胶折叠收纳盒 爆款', '2026-05-09', 8.500000, 120, 18, 150, 25.000000, false, NULL, 0, true, true, false, true, 0.900000, true);
INSERT INTO public.product_snapshots VALUES (42, 'p-00042', 'b2b-220006', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'a1b57bbc0182bbd9b68ee46aff5485d661b9ca70a619a6c90fb49e61858d1ec7', '不锈钢保温杯 新款', '2026-10-31', 19.900000, 120, 46, 0, 25.000000, true, 19.900000, 50, true, true, false, true, NULL, true);
INSERT INTO public.product_snapshots VALUES (43, 'p-00043', 'b2b-220007', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'ed8060e05c6fd08114cdd284ed56c59e12dc62d344396400701b994816977f2b', '纯棉圆领T恤 爆款', '2026-10-11', 59.000000, 8, 8, 150, 66.000000, false, NULL, 0, true, true, false, true, 0.800000, true);
INSERT INTO public.product_snapshots VALUES (44, 'p-00044', 'b2b-220007', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'f9f42aff541ec1556f86b7a5111c3351d47fed75412839341bc375b9b6e8c721', '加绒卫衣 新款', '2026-08-27', 36.800000, 8, 8, 900, 25.000000, true, 36.800000, 50, true, false, false, true, 0.900000, false);
INSERT INTO public.product_snapshots VALUES (45, 'p-00045', 'b2b-220007', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '96997f2ad4feb7e20571f72b2c2b3a2fbb07f229e74c67f731978fc6efc71521', '高腰牛仔裤 工厂直销', '2026-10-31', 8.500000, 0, 0, 0, 25.000000, true, 8.500000, 300, true, true, false, false, 0.800000, false);
INSERT INTO public.product_snapshots VALUES (46, 'p-00046', 'b2b-220007', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '16dc1b9c5f58cd2b2064a21fb452448c7252cb49402a8a6c3b1e5085649b9c15', '冰丝防晒衣 批发', '2026-08-27', 59.000000, 8, 8, 900, 25.000000, true, 59.000000, 50, true, true, true, true, 0.800000, false);
INSERT INTO public.product_snapshots VALUES (47, 'p-00047', 'b2b-220007', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '299946557a8202be4ff7dfa870fa923d0657de61b1d22285e8a2557053617ef9', '针织开衫 跨境', '2026-05-09', 59.000000, 120, 9, 0, 12.000000, false, NULL, 0, true, true, false, true, NULL, true);
INSERT INTO public.product_snapshots VALUES (48, 'p-00048', 'b2b-220007', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '7be917429a5b8139b3b689c86b86639dc00118e33fc19c237817a219c71791f9', '纯棉圆领T恤 爆款', '2026-05-09', 59.000000, 0, 0, 0, 48.000000, false, NULL, 0, true, true, false, true, NULL, false);
INSERT INTO public.product_snapshots VALUES (49, 'p-00049', 'b2b-220007', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '7f6f3cf53271baabfb2e140a2e7410641ab724d86115f3ab53178009346de463', '加绒卫衣 新款', '2026-11-13', 19.900000, 0, 0, 150, 85.000000, true, 19.900000, 50, true, true, true, true, 0.800000, false);
INSERT INTO public.product_snapshots VALUES (50, 'p-00050', 'b2b-220008', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '4eac2350caf85d93909a2997e21ba6ec14fd47f17540c24ad32d66f62c534724', '透气飞织运动鞋 爆款', '2026-10-11', 36.800000, 0, 0, 0, 12.000000, true, 36.800000, 50, true, false, false, true, 0.900000, false);
INSERT INTO public.product_snapshots VALUES (51, 'p-00051', 'b2b-220008', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'a92896d89c8ff5b8412b206f7199b36a1991b5d3faf7903cf8d80176b523d6a8', '软底妈妈鞋 新款', '2026-08-27', 128.000000, 0, 0, 150, 48.000000, true, 128.000000, 50, true, false, false, true, 0.750000, true);
INSERT INTO public.product_snapshots VALUES (52, 'p-00052', 'b2b-220008', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '9a630bae1182ede27cae34e946f65aba6984c039e60b5d7e0b27aadafa8df17a', '儿童凉鞋 工厂直销', '2026-11-13', 36.800000, 120, 20, 150, 12.000000, true, 36.800000, 50, true, true, false, true, 0.850000, false);
INSERT INTO public.product_snapshots VALUES (53, 'p-00053', 'b2b-220008', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'dc6b70848e3f101cbe272e20c78ea9d628111817c142743775f780bcafa300f5', '加绒雪地靴 批发', '2026-11-13', 59.000000, 120, 21, 0, 85.000000, true, 59.000000, 50, true, true, false, true, 0.900000, false);
INSERT INTO public.product_snapshots VALUES (54, 'p-00054', 'b2b-220008', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '3d8865455cdf672088dca188f67c6e2d6b7a5d44110b23d790402ff2932ab0c8', '男士商务皮鞋 跨境', '2026-08-27', 59.000000, 600, 1, 150, 66.000000, true, 59.000000, 300, true, true, true, true, 0.900000, true);
INSERT INTO public.product_snapshots VALUES (55, 'p-00055', 'b2b-220008', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '828f3f7a6cf3afd2f87e442671b4d99692e8668e98e63500c06ba74dbd517930', '透气飞织运动鞋 爆款', '2026-08-27', 20.000000, 40, 40, 900, 25.000000, true, 20.000000, 0, true, true, false, true, NULL, true);
INSERT INTO public.product_snapshots VALUES (56, 'p-00056', 'b2b-220008', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '38ffa9ef79fe84b6d35b02ac8b882491294d7e80905c58adbfd39e51ed6d1e8a', '软底妈妈鞋 新款', '2026-10-11', 19.900000, 40, 4, 150, 85.000000, false, NULL, 50, true, true, false, true, 0.850000, false);
INSERT INTO public.product_snapshots VALUES (57, 'p-00057', 'b2b-220009', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'fc29a879d51438959d924ee235643bac73c4d30a04e210028186e666fd20daf7', '益智积木套装 爆款', '2026-11-13', 19.900000, 120, 17, 900, 25.000000, true, 19.900000, 0, true, true, false, true, NULL, true);
INSERT INTO public.product_snapshots VALUES (58, 'p-00058', 'b2b-220009', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'eada0306aad9e9bb276e24f6d285d53daa7b65c9d1a34e47ad494e4c42700997', '遥控越野车 新款', '2026-08-27', 25.000000, 0, 0, 900, 85.000000, true, 25.000000, 300, true, false, false, true, NULL, true);
INSERT INTO public.product_snapshots VALUES (59, 'p-00059', 'b2b-220009', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '553a8e15aea30af820fc8169f274d8c7dabc89e350a7fff9581fdb447a6f4df5', '毛绒公仔 工厂直销', '2026-08-27', 8.500000, 40, 2, 150, 66.000000, true, 8.500000, 300, true, true, false, false, NULL, true);
INSERT INTO public.product_snapshots VALUES (60, 'p-00060', 'b2b-220009', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '5580977a7fa93affb0642ea294ce856c87fbe815d356d4b8ee1b4928b2c9a550', '泡泡机 批发', '2026-10-11', 20.000000, 120, 55, 900, 48.000000, false, NULL, 300, true, true, false, true, NULL, false);
INSERT INTO public.product_snapshots VALUES (61, 'p-00061', 'b2b-220009', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '0b4273fd3bbe61785dc1b5bbe69ce61762f8c9ef78c1bf9821fde1eb971c2305', '磁力片 跨境', '2026-11-20', 19.900000, 8, 8, 150, 25.000000, true, 19.900000, 50, false, true, true, true, 0.750000, false);
INSERT INTO public.product_snapshots VALUES (62, 'p-00062', 'b2b-220009', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '68817d63fc59455f801a404513703e8ce6b5cf94939dbef4beab914b2a77f9ac', '益智积木套装 爆款', '2026-05-09', 19.900000, 0, 0, 0, 25.000000, true, 19.900000, 300, true, false, false, true, NULL, true);
INSERT INTO public.product_snapshots VALUES (63, 'p-00063', 'b2b-220009', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '5d1e1368e51bc5f82fdb5edeab382f231719c8dcd01bb1575b037efaa5b161ac', '遥控越野车 新款', '2026-10-11', 20.000000, 0, 0, 0, 66.000000, false, NULL, 0, true, true, false, true, 0.850000, true);
INSERT INTO public.product_snapshots VALUES (64, 'p-00064', 'b2b-220010', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '2297d84998f7973836cf370f448b4f8882c30eb263b00d7f393cd7599dac2340', '家用电钻套装 爆款', '2026-11-20', 15.000000, 8, 8, 900, 85.000000, true, 15.000000, 300, true, true, false, true, NULL, false);
INSERT INTO public.product_snapshots VALUES (65, 'p-00065', 'b2b-220010', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'ce8e3b5f9c7df0275e3a9abf19a024a9a0a8bd1ea1789852bb9e588ae1a72ef6', '多功能扳手 新款', '2026-11-13', 25.000000, 120, 30, 900, 12.000000, true, 25.000000, 50, true, true, true, true, 0.800000, true);
INSERT INTO public.product_snapshots VALUES (66, 'p-00066', 'b2b-220010', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'b328fd7d2d4bf53715fac70cea70ec515c127e124dac57cdb37cbd845247c5b1', '卷尺5米 工厂直销', '2026-11-20', 15.000000, 8, 8, 900, 66.000000, false, NULL, 50, true, true, true, true, 0.800000, true);
INSERT INTO public.product_snapshots VALUES (67, 'p-00067', 'b2b-220010', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '1f851aa5d01c5e2a20845a66870317bb063a363f481323d00ca2112b8587c6d8', '电工胶带 批发', '2026-11-20', 128.000000, 0, 0, 15, 85.000000, true, 128.000000, 300, true, true, false, true, NULL, true);
INSERT INTO public.product_snapshots VALUES (68, 'p-00068', 'b2b-220010', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '641758c513820467dd3bbdf4ff0e87046016ee097fde713c9abe66f35ae75e12', '螺丝刀组合 跨境', '2026-11-13', 19.900000, 120, 50, 150, 66.000000, true, 19.900000, 300, true, true, false, true, 0.900000, true);
INSERT INTO public.product_snapshots VALUES (69, 'p-00069', 'b2b-220010', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '05c0c7ad3d67d626f6072212f1e1add86581df78cc2756c649d94bad20f58e40', '家用电钻套装 爆款', '2026-10-31', 15.000000, 8, 1, 0, 85.000000, true, 0.010000, 0, true, true, false, true, 0.800000, true);
INSERT INTO public.product_snapshots VALUES (70, 'p-00070', 'b2b-220010', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '09fb557fe549888f6fc49cfe4f27d63fb75170239d7abb0b52755d43470f27bd', '多功能扳手 新款', '2026-10-31', 15.000000, 0, 0, 0, 48.000000, false, NULL, 50, false, true, false, false, 0.850000, false);
INSERT INTO public.product_snapshots VALUES (71, 'p-00071', 'b2b-220011', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '026127fb4ff271188d4feb03709884d9c04d5293c0063f8ec82bc717f20dae43', '便携榨汁杯 爆款', '2026-10-11', 36.800000, 600, 58, 15, 48.000000, true, 36.800000, 50, true, true, false, true, 0.850000, false);
INSERT INTO public.product_snapshots VALUES (72, 'p-00072', 'b2b-220011', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'a2ce9ab62abd91a097c9572baf9a5581dfe7364cc22a0835f12b25f7e211776b', '迷你加湿器 新款', '2026-10-31', 20.000000, 0, 0, 900, 48.000000, false, NULL, 50, true, true, false, true, 0.900000, false);
INSERT INTO public.product_snapshots VALUES (73, 'p-00073', 'b2b-220011', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '3558c24a555201be6481f84690da3523f786ebe0c3a4aeda57364a334cbf7186', '电热水壶 工厂直销', '2026-11-13', 19.900000, 8, 8, 0, 12.000000, true, 19.900000, 0, true, true, false, true, 0.900000, true);
INSERT INTO public.product_snapshots VALUES (74, 'p-00074', 'b2b-220011', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'a684c561c4ef141dfb172df91d1d5a5b851de36516f1c8561c3b2f173c20eb45', '桌面小风扇 批发', '2026-10-31', 36.800000, 600, 11, 15, 12.000000, true, 36.800000, 300, false, true, false, true, 0.850000, false);
INSERT INTO public.product_snapshots VALUES (75, 'p-00075', 'b2b-220011', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '9ae63d2e56c753f44472fd93a1b642bdf41b6922c82974339da38274364495fb', '挂烫机 跨境', '2026-10-11', 19.900000, 8, 4, 900, 25.000000, true, 19.900000, 0, true, true, false, true, 0.750000, false);
INSERT INTO public.product_snapshots VALUES (76, 'p-00076', 'b2b-220011', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'bdfa198c5c10fc1050ef93b6ac6b61c54ef0b3ab1ba2a8c2aa390bca7bcf41cd', '便携榨汁杯 爆款', '2026-11-20', 19.900000, 120, 3, 150, 66.000000, false, NULL, 50, true, true, false, true, 0.850000, true);
INSERT INTO public.product_snapshots VALUES (77, 'p-00077', 'b2b-220011', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'f7e92152abb526fd773d9f679d0db3a5488d9dbc5bac5adf3a29c8bb8d0045bc', '迷你加湿器 新款', '2026-10-31', 20.000000, 120, 20, 0, 85.000000, true, 20.000000, 50, true, false, false, false, 0.850000, true);
INSERT INTO public.product_snapshots VALUES (78, 'p-00078', 'b2b-220012', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '6adac8918da83fca2c770078c2b3843d36a7263b7c3315695d64b872a2b9f627', '硅胶折叠收纳盒 爆款', '2026-11-13', 15.000000, 600, 9, 15, 85.000000, false, NULL, 300, true, true, true, true, 0.900000, true);
INSERT INTO public.product_snapshots VALUES (79, 'p-00079', 'b2b-220012', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '2372a4f3e67354f17b5fc2b382e94d3b2c59e13b16b4086d44c3a7f52b364f75', '不锈钢保温杯 新款', '2026-10-11', 128.000000, 40, 17, 900, 48.000000, true, 128.000000, 50, false, false, false, false, NULL, false);
INSERT INTO public.product_snapshots VALUES (80, 'p-00080', 'b2b-220012', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'a4fa35376c86992c000964dee1ed97f7e87b11398f18512095eb2f9e251ce6b2', '厨房置物架 工厂直销', '2026-05-09', 20.000000, 8, 8, 0, 66.000000, false, NULL, 50, true, true, true, true, 0.850000, true);
INSERT INTO public.product_snapshots VALUES (81, 'p-00081', 'b2b-220012', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '7c0cce497751df0b39a1c2b487ae84d904f5f5f5cb64660374c41bfe61da6587', '抽绳垃圾袋 批发', '2026-05-09', 59.000000, 40, 36, 900, 66.000000, false, NULL, 0, true, true, false, true, NULL, false);
INSERT INTO public.product_snapshots VALUES (82, 'p-00082', 'b2b-220012', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '117ffd61a0751cfe744c5b076fc3640bb0dde6d78ba587729d2aa7e7e19f459a', '免打孔挂钩 跨境', '2026-08-27', 8.500000, 0, 0, 0, 85.000000, false, NULL, 300, true, true, true, true, NULL, false);
INSERT INTO public.product_snapshots VALUES (83, 'p-00083', 'b2b-220012', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '3d78b8484050ccf53e340bbfa66316f2a8165c335da124d2540e678f43d98ac0', '硅胶折叠收纳盒 爆款', '2026-10-11', 8.500000, 0, 0, 150, 48.000000, true, 8.500000, 300, true, true, false, true, 0.750000, true);
INSERT INTO public.product_snapshots VALUES (84, 'p-00084', 'b2b-220012', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'dde262cd119d658ec5319846398f22c6ced31a0ec6b702f841d20d8815f8db7e', '不锈钢保温杯 新款', '2026-08-27', 128.000000, 600, 31, 900, 48.000000, true, 128.000000, 300, true, false, false, true, 0.850000, true);
INSERT INTO public.product_snapshots VALUES (85, 'p-00085', 'b2b-220013', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '75594f959d33996e1634eca5603eb109e607761fcf2d26097a5f9727d32c9387', '纯棉圆领T恤 爆款', '2026-10-31', 19.900000, 120, 47, 150, 66.000000, false, NULL, 50, true, true, false, true, NULL, false);
INSERT INTO public.product_snapshots VALUES (86, 'p-00086', 'b2b-220013', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '5b21c13baa8c9085b5b679d75f0775d68c006e0756a5711b16a51c7fc05ab9c9', '加绒卫衣 新款', '2026-11-20', 128.000000, 0, 0, 15, 85.000000, false, NULL, 50, true, true, false, true, 0.900000, true);
INSERT INTO public.product_snapshots VALUES (87, 'p-00087', 'b2b-220013', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'd53a738ac5cf5b7e7e5102f4b26c05c88b7625ed0cdefd69989c9211734efd37', '高腰牛仔裤 工厂直销', '2026-10-11', 20.000000, 40, 40, 900, 85.000000, true, 20.000000, 300, true, false, false, true, 0.750000, false);
INSERT INTO public.product_snapshots VALUES (88, 'p-00088', 'b2b-220013', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'db4f5ca3c917e3e1e9a0db15b391782103cc8314a0816fe5159a9c5a0873e952', '冰丝防晒衣 批发', '2026-08-27', 59.000000, 8, 8, 900, 12.000000, true, 59.000000, 300, true, true, true, true, 0.750000, true);
INSERT INTO public.product_snapshots VALUES (89, 'p-00089', 'b2b-220013', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '8eb346e2a857dec03cbb8148050a7edc2d3a799f1f438f41296fd651472c619d', '针织开衫 跨境', '2026-10-31', 20.000000, 8, 8, 0, 25.000000, true, 20.000000, 300, true, true, false, false, 0.900000, true);
INSERT INTO public.product_snapshots VALUES (90, 'p-00090', 'b2b-220013', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'd64d1f2fceca167158a8cce8c1605c6463d3b2c1173d35e417bc0d76ee284ba8', '纯棉圆领T恤 爆款', '2026-11-13', 8.500000, 600, 29, 0, 66.000000, true, 8.500000, 0, true, true, false, true, 0.750000, false);
INSERT INTO public.product_snapshots VALUES (91, 'p-00091', 'b2b-220013', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'b697b3b13e486aad486b11ee8b88388f0524e1223a26bbb7e9d3e3c8b9c9c95a', '加绒卫衣 新款', '2026-11-13', 59.000000, 8, 8, 150, 25.000000, false, NULL, 300, true, true, false, true, NULL, true);
INSERT INTO public.product_snapshots VALUES (92, 'p-00092', 'b2b-220014', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '7a82fc7a5c598c914fa1c2b3a9025f79f2b5a4057a6739253365c808238b055f', '透气飞织运动鞋 爆款', '2026-11-13', 128.000000, 0, 0, 15, 66.000000, false, NULL, 300, true, true, false, true, 0.750000, false);
INSERT INTO public.product_snapshots VALUES (93, 'p-00093', 'b2b-220014', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'd590b19bf264164a9501ce59da27984036a20110cd7b10cc90a25bce28cbf208', '软底妈妈鞋 新款', '2026-10-11', 15.000000, 600, 52, 0, 48.000000, true, 15.000000, 0, true, true, true, true, NULL, false);
INSERT INTO public.product_snapshots VALUES (94, 'p-00094', 'b2b-220014', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'aaa7395c55da6bf3c0fce60cdff9257b2a00634508d1e65b455de0a5adfdcca0', '儿童凉鞋 工厂直销', '2026-11-13', 59.000000, 600, 9, 150, 25.000000, false, NULL, 50, true, true, false, true, 0.850000, false);
INSERT INTO public.product_snapshots VALUES (95, 'p-00095', 'b2b-220014', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '71f8352c77bc5b3ab7ccd58a6bf18dae72edd9bb6450bd2ab61be8d2956c014d', '加绒雪地靴 批发', '2026-05-09', 15.000000, 0, 0, 900, 85.000000, true, 15.000000, 50, true, true, false, true, 0.850000, false);
INSERT INTO public.product_snapshots VALUES (96, 'p-00096', 'b2b-220014', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'a2b0596be95af20f98a88996bb8b6e4ea54c0515953a654098aa3174779f8af1', '男士商务皮鞋 跨境', '2026-11-20', 19.900000, 600, 45, 900, 66.000000, false, NULL, 0, true, true, true, true, 0.900000, false);
INSERT INTO public.product_snapshots VALUES (97, 'p-00097', 'b2b-220014', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '0b668daabb5c4cdf9abede9f1d2e3dd3c78eae5e2ac59884c545bed6ae6d7464', '透气飞织运动鞋 爆款', '2026-08-27', 8.500000, 8, 8, 15, 66.000000, true, 8.500000, 0, true, true, false, true, 0.850000, true);
INSERT INTO public.product_snapshots VALUES (98, 'p-00098', 'b2b-220014', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '2f250cdbbe2936b2fce67bb79a43623ad8dba0c81c51ac30541bc63cd3ec48e8', '软底妈妈鞋 新款', '2026-11-13', 19.900000, 8, 8, 0, 66.000000, true, 19.900000, 50, true, false, true, true, 0.750000, false);
INSERT INTO public.product_snapshots VALUES (99, 'p-00099', 'b2b-220015', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'e1d63d11caf3bc22deed641532787d4514d40aa5205f218c29096061228231c8', '益智积木套装 爆款', '2026-05-09', 59.000000, 120, 40, 0, 85.000000, true, 59.000000, 0, true, true, false, true, 0.800000, true);
INSERT INTO public.product_snapshots VALUES (100, 'p-00100', 'b2b-220015', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'dcc690ba74e42546711a99928a6c480725336d613b85e04395e0546a981576f8', '遥控越野车 新款', '2026-11-13', 15.000000, 600, 59, 900, 85.000000, false, NULL, 0, true, true, false, true, 0.800000, true);
INSERT INTO public.product_snapshots VALUES (101, 'p-00101', 'b2b-220015', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '1ec7529535af203eb899cb7a0b1c9953f7a252258ab3ae66d2070b4f5636706b', '毛绒公仔 工厂直销', '2026-11-13', 20.000000, 0, 0, 150, 25.000000, true, 20.000000, 50, true, true, false, true, NULL, true);
INSERT INTO public.product_snapshots VALUES (102, 'p-00102', 'b2b-220015', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '88db388e35ed8605ba026cd778fbb4662662df41b3d3fd9ec11f2b1b766224ea', '泡泡机 批发', '2026-10-11', 59.000000, 0, 0, 150, 85.000000, true, 59.000000, 50, true, true, false, false, 0.750000, true);
INSERT INTO public.product_snapshots VALUES (103, 'p-00103', 'b2b-220015', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '0e196989ca37b91e6d16368dc37c1321266618a87e1e8119b60b072e4dbce54d', '磁力片 跨境', '2026-11-13', 128.000000, 8, 8, 0, 25.000000, true, 128.000000, 50, true, true, false, true, 0.900000, false);
INSERT INTO public.product_snapshots VALUES (104, 'p-00104', 'b2b-220015', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '3a5a8ac71523de1d85663c38fc9535dc17559cb06ee99414aea44215b9eb9c1d', '益智积木套装 爆款', '2026-10-31', 128.000000, 600, 27, 900, 66.000000, true, 128.000000, 50, true, true, true, false, 0.750000, true);
INSERT INTO public.product_snapshots VALUES (105, 'p-00105', 'b2b-220015', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '56354f455a3d4ee22fb61a19c4da5afc839d222713d4f1f957b5da80d05f3437', '遥控越野车 新款', '2026-11-20', 59.000000, 600, 60, 150, 25.000000, true, 59.000000, 0, false, true, false, true, 0.750000, true);
INSERT INTO public.product_snapshots VALUES (106, 'p-00106', 'b2b-220016', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '5cfaed0b903e033e24c4d082d1da5163cd039d53b8e0e8217c68d871b569218b', '家用电钻套装 爆款', '2026-10-11', 25.000000, 0, 0, 0, 25.000000, false, NULL, 300, true, false, false, true, 0.850000, true);
INSERT INTO public.product_snapshots VALUES (107, 'p-00107', 'b2b-220016', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '768e7821066641234e4856b1029835b5ae31dd0ef7c6cc4c3ae9584bc192763a', '多功能扳手 新款', '2026-11-20', 128.000000, 0, 0, 150, 66.000000, true, 128.000000, 0, true, true, true, true, 0.750000, true);
INSERT INTO public.product_snapshots VALUES (108, 'p-00108', 'b2b-220016', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'c09f7286dd3233b7285e775a12a137ba79fb2a66495acb882416b94a8671d523', '卷尺5米 工厂直销', '2026-10-31', 128.000000, 600, 47, 900, 25.000000, true, 0.010000, 300, true, true, false, true, 0.800000, false);
INSERT INTO public.product_snapshots VALUES (109, 'p-00109', 'b2b-220016', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '2e987fd281a54c8a8bb69b2e375479e1d2c1cb6c8266cf2222061e89eebe915c', '电工胶带 批发', '2026-11-13', 20.000000, 8, 8, 150, 12.000000, true, 20.000000, 0, true, false, false, true, 0.850000, false);
INSERT INTO public.product_snapshots VALUES (110, 'p-00110', 'b2b-220016', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'e76eebf20ad72ecfd6dd72a656560335de89ee66b30d65e98d728ce8b0d09efa', '螺丝刀组合 跨境', '2026-05-09', 20.000000, 8, 8, 15, 48.000000, false, NULL, 50, true, true, false, true, NULL, true);
INSERT INTO public.product_snapshots VALUES (111, 'p-00111', 'b2b-220016', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'e4b3e57df43fe5a90abea142c7b9af6b90b5a577e4f1d0edd3a27eb0548b7fb0', '家用电钻套装 爆款', '2026-11-13', 20.000000, 40, 13, 0, 48.000000, true, 20.000000, 50, true, true, false, true, 0.900000, true);
INSERT INTO public.product_snapshots VALUES (112, 'p-00112', 'b2b-220016', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '4d180b60a5b4d19224fd3621807590793a48c7fb8ea4092afc3025dc26d87930', '多功能扳手 新款', '2026-10-31', 19.900000, 8, 5, 900, 12.000000, false, NULL, 300, true, true, false, true, 0.850000, true);
INSERT INTO public.product_snapshots VALUES (113, 'p-00113', 'b2b-220017', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '75edc3e33281cd32ade7a3365c07aa86f0cb33be360b31e3f19ef541ca43e02b', '便携榨汁杯 爆款', '2026-10-11', 128.000000, 120, 60, 900, 66.000000, true, 128.000000, 50, true, true, true, true, 0.850000, true);
INSERT INTO public.product_snapshots VALUES (114, 'p-00114', 'b2b-220017', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '9b13191775f06c099c079e0d6413cd454c0345636257e878dd44380d98ee9ec6', '迷你加湿器 新款', '2026-08-27', 36.800000, 8, 8, 15, 25.000000, true, 0.010000, 50, true, false, false, true, 0.850000, true);
INSERT INTO public.product_snapshots VALUES (115, 'p-00115', 'b2b-220017', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '40f3f54fb79ea270d9f9b78fe6b76d0f119e9d411be77eb362d6df60291a1cf7', '电热水壶 工厂直销', '2026-08-27', 15.000000, 0, 0, 0, 48.000000, true, 15.000000, 0, true, true, false, true, 0.750000, false);
INSERT INTO public.product_snapshots VALUES (116, 'p-00116', 'b2b-220017', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '19e14a76c5b6693847d7184ec2fe81df904d7408b11bb7393b49519730d8f570', '桌面小风扇 批发', '2026-10-31', 20.000000, 120, 2, 150, 85.000000, true, 20.000000, 300, true, true, false, true, 0.900000, false);
INSERT INTO public.product_snapshots VALUES (117, 'p-00117', 'b2b-220017', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '83e287ab3e0fb8a1a9906dff34f1501cc6cdcc21a4cf02b673a1879540d1bd07', '挂烫机 跨境', '2026-11-13', 8.500000, 0, 0, 15, 66.000000, false, NULL, 300, true, true, false, true, 0.850000, false);
INSERT INTO public.product_snapshots VALUES (118, 'p-00118', 'b2b-220017', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '678845d9174323e26b15506b89e42ddde545924393140485de4cb5990981da67', '便携榨汁杯 爆款', '2026-08-27', 128.000000, 40, 34, 150, 25.000000, true, 128.000000, 50, true, true, true, true, 0.900000, false);
INSERT INTO public.product_snapshots VALUES (119, 'p-00119', 'b2b-220017', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'c2d105f47862828e69c3ec35ddf158a89fd1ec5b96cc6a27d7ce7ea764d9cc57', '迷你加湿器 新款', '2026-10-11', 19.900000, 600, 50, 900, 85.000000, false, NULL, 50, true, true, false, true, 0.750000, false);
INSERT INTO public.product_snapshots VALUES (120, 'p-00120', 'b2b-220018', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '357bed1c1eaaa0cf28cc6df093fb0f38ab2209017367002792d340eca70c2bce', '硅胶折叠收纳盒 爆款', '2026-10-11', 128.000000, 600, 13, 150, 66.000000, false, NULL, 300, true, true, false, true, 0.750000, false);
INSERT INTO public.product_snapshots VALUES (121, 'p-00121', 'b2b-220018', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '616880b26b33c71c43f5b688cf0e514fccb291ff940ce530e5c7d99e3c79815e', '不锈钢保温杯 新款', '2026-11-20', 25.000000, 120, 18, 150, 85.000000, true, 25.000000, 50, true, true, false, true, 0.850000, true);
INSERT INTO public.product_snapshots VALUES (122, 'p-00122', 'b2b-220018', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'c0c4c52607a4f30085b0153d2c4d68a57c9e8bd5077c7527063d14f5bfe69d42', '厨房置物架 工厂直销', '2026-10-31', 15.000000, 8, 8, 0, 85.000000, false, NULL, 0, true, true, false, false, 0.750000, true);
INSERT INTO public.product_snapshots VALUES (123, 'p-00123', 'b2b-220018', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '72f5b2d046ca22ceab486d6176b5a549ed94ba5eaec94af20858beca19285b51', '抽绳垃圾袋 批发', '2026-11-20', 19.900000, 0, 0, 900, 48.000000, false, NULL, 300, true, true, false, true, 0.800000, false);
INSERT INTO public.product_snapshots VALUES (124, 'p-00124', 'b2b-220018', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'cec81f7a55ffbed90e631753eb33410f3885d737d45b90262effc813cd7443ed', '免打孔挂钩 跨境', '2026-08-27', 19.900000, 40, 13, 15, 48.000000, true, 19.900000, 300, true, true, false, false, 0.800000, false);
INSERT INTO public.product_snapshots VALUES (125, 'p-00125', 'b2b-220018', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'd7a7a3b243281ba1470f9802fe3ab5c29b5b91dd993108ecd413745923d291f5', '硅胶折叠收纳盒 爆款', '2026-08-27', 20.000000, 120, 33, 15, 85.000000, false, NULL, 50, true, true, false, true, 0.800000, false);
INSERT INTO public.product_snapshots VALUES (126, 'p-00126', 'b2b-220018', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '9d6fe33bae8527f0b27f06a3e9cbf89b9d165452fb515a6be8f9e0f319cc042f', '不锈钢保温杯 新款', '2026-10-31', 36.800000, 0, 0, 0, 48.000000, true, 36.800000, 50, true, true, false, false, 0.750000, true);
INSERT INTO public.product_snapshots VALUES (127, 'p-00127', 'b2b-220019', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '3411511cdcc21a858533f6823c0e8217b8dfd11dcca8b3290161bf93984a9efe', '纯棉圆领T恤 爆款', '2026-08-27', 15.000000, 40, 37, 150, 48.000000, true, 15.000000, 50, false, true, false, true, 0.750000, false);
INSERT INTO public.product_snapshots VALUES (128, 'p-00128', 'b2b-220019', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '040ba3267548e5446035a6b05c88a5b857a8e0f6924797542343054948a527d2', '加绒卫衣 新款', '2026-10-11', 19.900000, 0, 0, 15, 48.000000, false, NULL, 300, true, true, false, false, 0.900000, false);
INSERT INTO public.product_snapshots VALUES (129, 'p-00129', 'b2b-220019', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'c57a1e787f86478e44ab49490dae1d7e67c6756f001964540063d42a4f670b59', '高腰牛仔裤 工厂直销', '2026-10-11', 59.000000, 40, 10, 900, 25.000000, true, 59.000000, 0, true, true, false, true, 0.900000, true);
INSERT INTO public.product_snapshots VALUES (130, 'p-00130', 'b2b-220019', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'ab09a95ed309fd735af200e940126ae76ca56fff58c85a9ce13a50d8654f2257', '冰丝防晒衣 批发', '2026-11-13', 20.000000, 0, 0, 15, 85.000000, false, NULL, 0, true, true, false, true, 0.800000, true);
INSERT INTO public.product_snapshots VALUES (131, 'p-00131', 'b2b-220019', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'd53caa683aae7eb603904c2514f36df9c924ff932e26649d7a43f86afaf8752a', '针织开衫 跨境', '2026-10-31', 20.000000, 0, 0, 150, 85.000000, true, 20.000000, 0, true, true, false, true, 0.750000, true);
INSERT INTO public.product_snapshots VALUES (132, 'p-00132', 'b2b-220019', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '67858ca29476b4efd3b606599dc0fc0fbe6676948c59e3e59de9cb5fcf85ec46', '纯棉圆领T恤 爆款', '2026-10-11', 8.500000, 120, 12, 0, 12.000000, false, NULL, 300, true, true, false, false, 0.850000, false);
INSERT INTO public.product_snapshots VALUES (133, 'p-00133', 'b2b-220019', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '4fbf88ae59d7aaf75de8e851c523752ed55cd1648c26b72b2f0dc1fa3a3dbd4b', '加绒卫衣 新款', '2026-11-20', 25.000000, 40, 0, 15, 25.000000, false, NULL, 0, true, true, false, true, NULL, true);
INSERT INTO public.product_snapshots VALUES (134, 'p-00134', 'b2b-220020', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'c611d65d5feec0da6100e9aa4e3ab586cc5ec4582d68e36ea5bb3e48d3a5a2e4', '透气飞织运动鞋 爆款', '2026-11-13', 25.000000, 600, 58, 900, 66.000000, false, NULL, 0, true, true, false, true, NULL, true);
INSERT INTO public.product_snapshots VALUES (135, 'p-00135', 'b2b-220020', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '9b9d41e74b9b1a9308a06f69d7d9555f4d1236e2f9a082143630eadb3c84374a', '软底妈妈鞋 新款', '2026-08-27', 15.000000, 120, 38, 900, 25.000000, true, 15.000000, 50, true, true, false, true, 0.800000, false);
INSERT INTO public.product_snapshots VALUES (136, 'p-00136', 'b2b-220020', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'd8edc45d8eaf3a76d226fb563b4458987903ec2bba172c94401801cdeef99f30', '儿童凉鞋 工厂直销', '2026-11-13', 36.800000, 0, 0, 900, 25.000000, false, NULL, 300, true, true, true, true, 0.750000, false);
INSERT INTO public.product_snapshots VALUES (137, 'p-00137', 'b2b-220020', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'ff14c789be52b17dd5f773b2681ca412bbe552ec1a8a79d06382e329f4990c2d', '加绒雪地靴 批发', '2026-10-11', 20.000000, 600, 3, 150, 48.000000, true, 20.000000, 50, true, true, false, false, 0.800000, false);
INSERT INTO public.product_snapshots VALUES (138, 'p-00138', 'b2b-220020', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'cf8e11d48273e729946227d794f4b94abd243e1f875eda9cada0e54f89210c81', '男士商务皮鞋 跨境', '2026-08-27', 59.000000, 40, 40, 0, 66.000000, false, NULL, 300, true, true, false, true, 0.850000, false);
INSERT INTO public.product_snapshots VALUES (139, 'p-00139', 'b2b-220020', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '8033fc6a40a20f69127d04b0652255a76a262b0914f474591672fb2b926ed2ba', '透气飞织运动鞋 爆款', '2026-11-13', 15.000000, 8, 8, 900, 66.000000, false, NULL, 50, true, true, false, true, 0.850000, false);
INSERT INTO public.product_snapshots VALUES (140, 'p-00140', 'b2b-220020', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '46bc405d45625055b19b62a409471a280b2e94c541f2d050402e312a07b36837', '软底妈妈鞋 新款', '2026-10-31', 25.000000, 8, 8, 150, 48.000000, true, 0.010000, 0, true, true, false, true, 0.850000, true);
INSERT INTO public.product_snapshots VALUES (141, 'p-00141', 'b2b-220021', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '746594f6e4a7e68d75f513fcabd8e66ee8ce9c30afe2924ef3dbef60d83f50f9', '益智积木套装 爆款', '2026-11-13', 19.900000, 0, 0, 0, 85.000000, true, 19.900000, 50, true, true, false, true, 0.900000, false);
INSERT INTO public.product_snapshots VALUES (142, 'p-00142', 'b2b-220021', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'b94764e141395aec7ea1e7661beaf4800a6b1ecbb4bf689354f23fb5dbafb7c8', '遥控越野车 新款', '2026-08-27', 20.000000, 0, 0, 15, 12.000000, false, NULL, 300, true, false, false, true, NULL, true);
INSERT INTO public.product_snapshots VALUES (143, 'p-00143', 'b2b-220021', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'dd1958bf20f15142ef5ace0138290f3a9329ee3d66a150deced588e1c8f3b691', '毛绒公仔 工厂直销', '2026-11-20', 59.000000, 40, 40, 150, 12.000000, true, 0.010000, 300, true, false, false, true, 0.850000, false);
INSERT INTO public.product_snapshots VALUES (144, 'p-00144', 'b2b-220021', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '9bb897030c75bc6da4a170b62875c261678df99d1505ea4269216062e2f812d7', '泡泡机 批发', '2026-10-31', 8.500000, 600, 29, 900, 25.000000, true, 0.010000, 300, true, true, false, true, 0.750000, false);
INSERT INTO public.product_snapshots VALUES (145, 'p-00145', 'b2b-220021', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'b90913b3777a1f18dd8f13418d78c89b18e2b42ebaea1f8c3060529e9eec59aa', '磁力片 跨境', '2026-05-09', 25.000000, 8, 8, 900, 48.000000, true, 25.000000, 0, false, true, false, true, 0.800000, true);
INSERT INTO public.product_snapshots VALUES (146, 'p-00146', 'b2b-220021', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '586946f65a4c72ffa6391cd8edd76e9ccae865dde436ea606550c3f527c0ac77', '益智积木套装 爆款', '2026-08-27', 59.000000, 600, 18, 150, 25.000000, true, 59.000000, 50, false, true, false, true, NULL, false);
INSERT INTO public.product_snapshots VALUES (147, 'p-00147', 'b2b-220021', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '1f3f4f454b2b7648f48580b3843b1f30a1cb4deb773145506a80ed7ff3d34422', '遥控越野车 新款', '2026-10-11', 25.000000, 40, 29, 15, 85.000000, true, 25.000000, 50, true, true, false, true, 0.750000, true);
INSERT INTO public.product_snapshots VALUES (148, 'p-00148', 'b2b-220022', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'd7fd2fea754851952de4c55483d92f9d41742c77a64385922f3fcb6a7b037b16', '家用电钻套装 爆款', '2026-10-11', 8.500000, 120, 49, 150, 12.000000, false, NULL, 0, true, false, false, true, 0.850000, true);
INSERT INTO public.product_snapshots VALUES (149, 'p-00149', 'b2b-220022', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '7bb157d23941c769748d531cac2980621c6f4231adebd63c65e9f0f961c3e767', '多功能扳手 新款', '2026-11-20', 15.000000, 120, 31, 150, 85.000000, false, NULL, 50, true, true, true, true, 0.850000, false);
INSERT INTO public.product_snapshots VALUES (150, 'p-00150', 'b2b-220022', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '2aadccbd30bced1b8c561d28b3d37eb7e5b7161dec3e6608e5175863ce59516d', '卷尺5米 工厂直销', '2026-10-31', 128.000000, 0, 0, 150, 12.000000, true, 128.000000, 50, true, true, false, true, NULL, false);
INSERT INTO public.product_snapshots VALUES (151, 'p-00151', 'b2b-220022', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '83fde42ddf912d4b4d9e8ab889f44b0419f3fec01e6ee7a5e389bea01b971d3a', '电工胶带 批发', '2026-11-13', 19.900000, 120, 6, 0, 85.000000, false, NULL, 0, true, true, false, false, 0.900000, false);
INSERT INTO public.product_snapshots VALUES (152, 'p-00152', 'b2b-220022', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '8b9097e931714c6b1d71aa608fa3f83a89109555f5505e7822703b7c7fa50c44', '螺丝刀组合 跨境', '2026-05-09', 128.000000, 600, 34, 150, 25.000000, true, 128.000000, 0, true, true, true, true, 0.900000, false);
INSERT INTO public.product_snapshots VALUES (153, 'p-00153', 'b2b-220022', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '9b8bfd57a83412be444fb2f752a329dc384df81c128011faf37b4e84b71d3ab7', '家用电钻套装 爆款', '2026-11-13', 25.000000, 600, 42, 150, 48.000000, false, NULL, 300, true, true, false, true, 0.800000, true);
INSERT INTO public.product_snapshots VALUES (154, 'p-00154', 'b2b-220022', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'e87e2c9c246b1b7a6cc4f4d8a869a73c1ce3eae0f01e6ec42a204ab88a289f6e', '多功能扳手 新款', '2026-10-31', 20.000000, 0, 0, 150, 25.000000, false, NULL, 300, true, true, false, true, NULL, true);
INSERT INTO public.product_snapshots VALUES (155, 'p-00155', 'b2b-220023', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '56f7fb97abd60179fe7411c3462698ab8000adf5fd2cfbf4a492304efce94ff1', '便携榨汁杯 爆款', '2026-05-09', 19.900000, 0, 0, 0, 12.000000, true, 19.900000, 300, true, true, false, true, 0.800000, true);
INSERT INTO public.product_snapshots VALUES (156, 'p-00156', 'b2b-220023', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '84ca1909a89f8b5e39bae63e20adb2fbd404d659242d2203a3dd2ee9e0bdd5ce', '迷你加湿器 新款', '2026-05-09', 20.000000, 40, 40, 15, 25.000000, true, 20.000000, 50, true, true, false, true, 0.900000, true);
INSERT INTO public.product_snapshots VALUES (157, 'p-00157', 'b2b-220023', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'fbdd16c504f1a5546274c358cd8fba146e2ec937fafb3cbd1f0a8deb180eef5b', '电热水壶 工厂直销', '2026-11-13', 128.000000, 120, 55, 0, 25.000000, false, NULL, 300, true, true, true, true, 0.800000, false);
INSERT INTO public.product_snapshots VALUES (158, 'p-00158', 'b2b-220023', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '8dcda1bcfb60e26354e33acc745f223bf2599bc8c6920c50f8c351c893b4f245', '桌面小风扇 批发', '2026-11-20', 25.000000, 120, 0, 900, 12.000000, true, 25.000000, 0, true, true, false, true, NULL, false);
INSERT INTO public.product_snapshots VALUES (159, 'p-00159', 'b2b-220023', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '5c5099c22453d546d1fb78405183c8fadd2c3fe545ec1827a91e04f58b38f436', '挂烫机 跨境', '2026-05-09', 20.000000, 120, 23, 0, 66.000000, false, NULL, 0, true, true, false, true, 0.850000, false);
INSERT INTO public.product_snapshots VALUES (160, 'p-00160', 'b2b-220023', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '5429fdf4e1cc96ea8c116e10d22e8a1bc48dfa9890d4b7de6f20e43519e01a97', '便携榨汁杯 爆款', '2026-05-09', 25.000000, 0, 0, 0, 12.000000, false, NULL, 300, true, false, false, true, NULL, true);
INSERT INTO public.product_snapshots VALUES (161, 'p-00161', 'b2b-220023', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '1c909aa13e058dd9eef8a8f7d9e27a51d7264f69835f3e22a14deee3fb109e4e', '迷你加湿器 新款', '2026-10-31', 20.000000, 8, 8, 15, 25.000000, false, NULL, 300, true, true, false, true, 0.900000, false);
INSERT INTO public.product_snapshots VALUES (162, 'p-00162', 'b2b-220024', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'ee08bc767d4e160ff1c0b7e942abb26fbde59073d2d706c39c43a48d04044889', '硅胶折叠收纳盒 爆款', '2026-11-13', 15.000000, 0, 0, 900, 85.000000, true, 15.000000, 0, true, false, false, true, 0.750000, true);
INSERT INTO public.product_snapshots VALUES (163, 'p-00163', 'b2b-220024', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '98c930e87d7ccf9f9db3ab8706403f669103d790d2e477303c99471501cdf97a', '不锈钢保温杯 新款', '2026-11-13', 15.000000, 600, 3, 900, 25.000000, false, NULL, 0, true, true, false, true, NULL, false);
INSERT INTO public.product_snapshots VALUES (164, 'p-00164', 'b2b-220024', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '6fe9191185a9949e296e7cbd3e2f63397e25c36e6c31becb3ed5b8660a113565', '厨房置物架 工厂直销', '2026-10-11', 15.000000, 40, 18, 900, 12.000000, true, 15.000000, 300, true, true, false, true, 0.850000, true);
INSERT INTO public.product_snapshots VALUES (165, 'p-00165', 'b2b-220024', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '45bd73d2c254f547dc3f645e5ff13d7118a56152fe03ae8ea3907a2f99ef1647', '抽绳垃圾袋 批发', '2026-11-20', 8.500000, 0, 0, 900, 12.000000, true, 8.500000, 0, true, true, true, true, 0.850000, false);
INSERT INTO public.product_snapshots VALUES (166, 'p-00166', 'b2b-220024', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '28e01b1d3baf6d4cd2bdc7a05be864b46776e7cea7da92723021a13a7c3a5904', '免打孔挂钩 跨境', '2026-11-20', 19.900000, 600, 46, 150, 85.000000, false, NULL, 300, true, true, true, true, 0.900000, false);
INSERT INTO public.product_snapshots VALUES (167, 'p-00167', 'b2b-220024', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'df63e317479cabd8d6f1578ec97dd20e6e05177ecdeeb516a54d9fd316669e6e', '硅胶折叠收纳盒 爆款', '2026-10-11', 59.000000, 0, 0, 15, 25.000000, true, 59.000000, 300, true, false, false, false, 0.850000, true);
INSERT INTO public.product_snapshots VALUES (168, 'p-00168', 'b2b-220024', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '42615448fc5e2847bc4ea8f4b91238395137d12b053db42fa3076feff131fb0a', '不锈钢保温杯 新款', '2026-11-20', 19.900000, 40, 0, 0, 12.000000, true, 0.010000, 0, true, true, false, false, 0.800000, false);
INSERT INTO public.product_snapshots VALUES (169, 'p-00169', 'b2b-220025', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'cf80ed2c5e0454c14edb38a2052c14d9ecde046581eeb85078f87635cf64e3eb', '纯棉圆领T恤 爆款', '2026-05-09', 20.000000, 0, 0, 900, 12.000000, true, 20.000000, 0, true, false, false, true, 0.900000, true);
INSERT INTO public.product_snapshots VALUES (170, 'p-00170', 'b2b-220025', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '274d749d4c6d8a0d731c1924e1a65ff3bdd829141903d125d41f03654aba33cb', '加绒卫衣 新款', '2026-10-11', 8.500000, 120, 6, 900, 85.000000, false, NULL, 300, false, true, false, false, 0.800000, false);
INSERT INTO public.product_snapshots VALUES (171, 'p-00171', 'b2b-220025', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '1b33dd665b5a92a60b44810da854d10ada6176643cd38bda5ec636be14b3ba90', '高腰牛仔裤 工厂直销', '2026-10-31', 19.900000, 0, 0, 0, 12.000000, true, 19.900000, 50, true, true, false, true, 0.900000, false);
INSERT INTO public.product_snapshots VALUES (172, 'p-00172', 'b2b-220025', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'a51e4b0ff42f7c2ddc77c0c6c15f49d89c48a373d9001c67e06d6ab1f09bc865', '冰丝防晒衣 批发', '2026-11-20', 128.000000, 120, 18, 900, 85.000000, true, 0.010000, 300, true, true, true, true, 0.750000, true);
INSERT INTO public.product_snapshots VALUES (173, 'p-00173', 'b2b-220025', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'e4f36781eabf8e9d4c3e2ac9b6cf5a1e7bf5adc5096e8efd59e43ae46f95f310', '针织开衫 跨境', '2026-11-20', 19.900000, 0, 0, 0, 12.000000, true, 19.900000, 50, true, false, false, true, NULL, false);
INSERT INTO public.product_snapshots VALUES (174, 'p-00174', 'b2b-220025', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'cc6ea6b628e882bd61d90024b0b7ab9529903d7a339e3eb5ec4ed45dc33b5b17', '纯棉圆领T恤 爆款', '2026-08-27', 8.500000, 40, 40, 150, 66.000000, true, 8.500000, 300, true, true, false, true, 0.900000, true);
INSERT INTO public.product_snapshots VALUES (175, 'p-00175', 'b2b-220025', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '38bc4c10990a5ea59d303de605181b2c787aa46dc9450b33785daa9dad010029', '加绒卫衣 新款', '2026-08-27', 8.500000, 0, 0, 150, 25.000000, false, NULL, 0, true, true, false, true, 0.750000, false);
INSERT INTO public.product_snapshots VALUES (176, 'p-00176', 'b2b-220026', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '8e559a3864efbb5dad2a6d1c8a33a644dfcdfe62366e97d0f0d8d1c6ff149832', '透气飞织运动鞋 爆款', '2026-11-20', 8.500000, 0, 0, 900, 48.000000, true, 8.500000, 300, true, false, false, true, 0.800000, true);
INSERT INTO public.product_snapshots VALUES (177, 'p-00177', 'b2b-220026', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '3d479969cf6cba0ca0596066cb090077a698d846c6f0b466bcfde65cbd9df826', '软底妈妈鞋 新款', '2026-11-13', 59.000000, 600, 50, 15, 85.000000, false, NULL, 300, true, true, true, false, NULL, true);
INSERT INTO public.product_snapshots VALUES (178, 'p-00178', 'b2b-220026', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'fba54daabc5082c3d73e685a6bc55b1387474b4985c4c8d9af301499faf312fb', '儿童凉鞋 工厂直销', '2026-10-31', 19.900000, 600, 57, 150, 48.000000, false, NULL, 50, true, false, false, true, 0.900000, true);
INSERT INTO public.product_snapshots VALUES (179, 'p-00179', 'b2b-220026', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '0547451a59fab80da7b9204f50a7db2f78cdab346b2739750cb4dbb5aa493fbd', '加绒雪地靴 批发', '2026-10-11', 59.000000, 0, 0, 900, 48.000000, true, 59.000000, 50, true, true, false, true, 0.850000, false);
INSERT INTO public.product_snapshots VALUES (180, 'p-00180', 'b2b-220026', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '9f9e6acfda8134e8cfd93f2e5997ed884e2cacc6e756a683233b39c75e83fd79', '男士商务皮鞋 跨境', '2026-08-27', 8.500000, 8, 8, 15, 25.000000, true, 0.010000, 300, true, true, true, false, NULL, false);
INSERT INTO public.product_snapshots VALUES (181, 'p-00181', 'b2b-220026', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'c09afcfdfcafea74059f915c0d749e125a6860751e04c79d1162103897a39666', '透气飞织运动鞋 爆款', '2026-08-27', 36.800000, 0, 0, 15, 48.000000, true, 36.800000, 0, true, true, false, true, 0.800000, true);
INSERT INTO public.product_snapshots VALUES (182, 'p-00182', 'b2b-220026', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '91c55af11ab8ed5c4de810284581eb5867af2bebe57865db96a186365aaa99a7', '软底妈妈鞋 新款', '2026-10-31', 128.000000, 0, 0, 0, 66.000000, true, 128.000000, 300, false, false, false, true, NULL, true);
INSERT INTO public.product_snapshots VALUES (183, 'p-00183', 'b2b-220027', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '9c669884c0ffae0b3da41b9e837e57e231658f06508a820ef9b6cba44e351c52', '益智积木套装 爆款', '2026-10-31', 20.000000, 0, 0, 900, 48.000000, false, NULL, 50, true, true, false, true, NULL, false);
INSERT INTO public.product_snapshots VALUES (184, 'p-00184', 'b2b-220027', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '5df56de592acd9de35f1c93aead26135879808d57b41c9eb38a79f5274f223ae', '遥控越野车 新款', '2026-05-09', 20.000000, 0, 0, 15, 85.000000, true, 0.010000, 0, true, false, false, false, 0.750000, true);
INSERT INTO public.product_snapshots VALUES (185, 'p-00185', 'b2b-220027', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'fe9a8aa2521e5856e8450704e7fed889d7ec9e081161270da518819dc50c5541', '毛绒公仔 工厂直销', '2026-11-13', 15.000000, 40, 40, 150, 48.000000, false, NULL, 300, true, true, false, false, 0.750000, false);
INSERT INTO public.product_snapshots VALUES (186, 'p-00186', 'b2b-220027', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '911999159f74e54038b6327718f58f2a7e1b520bc8c4f68a5e44d0b2b2f3aa7c', '泡泡机 批发', '2026-10-11', 8.500000, 8, 8, 0, 48.000000, false, NULL, 300, true, true, true, true, 0.900000, true);
INSERT INTO public.product_snapshots VALUES (187, 'p-00187', 'b2b-220027', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'f2cc78c1210a4c23f94ad4259a1d8eaf28246dbb6f1ddf108b5f47a6d7b7ab83', '磁力片 跨境', '2026-11-20', 25.000000, 0, 0, 150, 66.000000, true, 25.000000, 50, true, true, false, true, 0.850000, false);
INSERT INTO public.product_snapshots VALUES (188, 'p-00188', 'b2b-220027', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '483b4a3c4819c3347e58531c24b7c7b3ee3ef244449ab45e48088edf7f7bc6c0', '益智积木套装 爆款', '2026-10-31', 8.500000, 600, 37, 150, 25.000000, false, NULL, 0, true, true, false, true, NULL, false);
INSERT INTO public.product_snapshots VALUES (189, 'p-00189', 'b2b-220027', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '6cff56a5506e4ff9c55be8f5f2dbe24768dcecc6701673b0c0cb0abadf0f580a', '遥控越野车 新款', '2026-10-31', 36.800000, 0, 0, 900, 66.000000, true, 36.800000, 0, true, false, false, true, NULL, true);
INSERT INTO public.product_snapshots VALUES (190, 'p-00190', 'b2b-220028', '2026-11-05 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '34aea9595ddd772e3bb1a84a0544f6eb2d9583eda2a76ac5f0d0438a6dfc9283', '家用电钻套装 爆款', '2026-04-19', 19.900000, 40, 8, 0, 12.000000, true, 19.900000, 0, true, true, false, true, 0.900000, false);
INSERT INTO public.product_snapshots VALUES (191, 'p-00191', 'b2b-220028', '2026-11-05 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'a00de501a805093b7a873b82c6d5a134cce25f773e4f4aef012c2f930c54383f', '多功能扳手 新款', '2026-09-21', 8.500000, 0, 0, 900, 66.000000, false, NULL, 50, true, true, false, true, NULL, false);
INSERT INTO public.product_snapshots VALUES (192, 'p-00192', 'b2b-220028', '2026-11-05 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '9abbf29c62b6eb7d6f4e69a5fad794061d7334a19a7c3f3a023e7846d465c357', '卷尺5米 工厂直销', '2026-08-07', 8.500000, 0, 0, 15, 66.000000, true, 8.500000, 0, true, true, true, true, 0.750000, false);
INSERT INTO public.product_snapshots VALUES (193, 'p-00193', 'b2b-220028', '2026-11-05 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '397cf1aebd0b511afe197f76002f8c1f62207ce2cb28756a8c4bbea45a8e6fbd', '电工胶带 批发', '2026-10-31', 19.900000, 0, 0, 150, 12.000000, false, NULL, 50, true, true, true, false, 0.800000, true);
INSERT INTO public.product_snapshots VALUES (194, 'p-00194', 'b2b-220028', '2026-11-05 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '7d0d66eb7c5b1eb9625e7e089b9fa48bed0b8ed0ba8bdcbdcdbc41b90c4b89b8', '螺丝刀组合 跨境', '2026-10-24', 20.000000, 0, 0, 150, 12.000000, false, NULL, 0, true, true, false, true, 0.900000, false);
INSERT INTO public.product_snapshots VALUES (195, 'p-00195', 'b2b-220028', '2026-11-05 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '106db895305a948fe0cf6b86ed491ef43e213e2208d7a628d4bc02e25f04c597', '家用电钻套装 爆款', '2026-04-19', 36.800000, 40, 13, 150, 66.000000, true, 36.800000, 300, true, false, false, false, 0.900000, true);
INSERT INTO public.product_snapshots VALUES (196, 'p-00196', 'b2b-220028', '2026-11-05 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '37cade6d2675e7210ec54a65aa9455c65e4b98b8f5a7e8dee8be96de8bd89252', '多功能扳手 新款', '2026-10-24', 8.500000, 600, 58, 150, 85.000000, false, NULL, 50, true, false, false, true, 0.900000, true);
INSERT INTO public.product_snapshots VALUES (197, 'p-00197', 'b2b-220029', '2026-11-05 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '4efb066c4545d9e3decf2b1896fe28c5ba320009a0620dd1dadf893ecc1b53e3', '便携榨汁杯 爆款', '2026-10-11', 19.900000, 600, 9, 150, 66.000000, true, 19.900000, 300, true, true, false, true, NULL, true);
INSERT INTO public.product_snapshots VALUES (198, 'p-00198', 'b2b-220029', '2026-11-05 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'dd79a8230d1b9c68bb78c9bedea9ceb827eeb9c00cc1aab13fe163d84cc3eb7a', '迷你加湿器 新款', '2026-10-24', 128.000000, 600, 33, 150, 25.000000, false, NULL, 0, true, true, false, false, 0.900000, false);
INSERT INTO public.product_snapshots VALUES (199, 'p-00199', 'b2b-220029', '2026-11-05 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'f656672a2b066ed905d5bb92c85e046de59c9feccbb1292ef263b032be517538', '电热水壶 工厂直销', '2026-04-19', 36.800000, 40, 6, 15, 66.000000, true, 36.800000, 300, true, true, false, true, 0.850000, false);
INSERT INTO public.product_snapshots VALUES (200, 'p-00200', 'b2b-220029', '2026-11-05 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '2d4a626c9e7ee0c0f37c8062eacd27fed117579f9dee2d8115647e5ea32f18ea', '桌面小风扇 批发', '2026-04-19', 59.000000, 600, 16, 0, 25.000000, true, 59.000000, 50, true, true, false, true, 0.900000, false);
INSERT INTO public.product_snapshots VALUES (201, 'p-00201', 'b2b-220029', '2026-11-05 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'd0ff6ed0b3423e1e3abf7f1e5d13103e686f41bb791a7704de59f83911dcc40a', '挂烫机 跨境', '2026-04-19', 19.900000, 8, 8, 900, 12.000000, true, 19.900000, 300, true, true, false, false, NULL, true);
INSERT INTO public.product_snapshots VALUES (202, 'p-00202', 'b2b-220029', '2026-11-05 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '6e58f87a1b910677b3304d124b8126e1b958939896c103ee57c3fb9d7548ba32', '便携榨汁杯 爆款', '2026-08-07', 59.000000, 0, 0, 900, 48.000000, true, 59.000000, 0, true, false, false, true, 0.750000, false);
INSERT INTO public.product_snapshots VALUES (203, 'p-00203', 'b2b-220029', '2026-11-05 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'fd5b2df6e18bf549bd39ef56ac430aac60df0c97ffa372213d8641aec74cbed3', '迷你加湿器 新款', '2026-04-19', 19.900000, 600, 31, 150, 85.000000, true, 19.900000, 50, true, true, false, true, 0.800000, true);
INSERT INTO public.product_snapshots VALUES (204, 'p-00204', 'b2b-220030', '2026-11-05 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'af87d8a980329155d7f575e1d45e00ad972cbe1f522537e4ab2a4220a45efc6a', '硅胶折叠收纳盒 爆款', '2026-09-21', 8.500000, 600, 39, 900, 48.000000, true, 8.500000, 0, true, true, false, true, 0.750000, false);
INSERT INTO public.product_snapshots VALUES (205, 'p-00205', 'b2b-220030', '2026-11-05 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '1bc269699faa666b46ce54f7063c35fb3b88a49c9eafd360a639150ce218be47', '不锈钢保温杯 新款', '2026-04-19', 59.000000, 40, 40, 150, 66.000000, true, 0.010000, 0, true, true, false, true, 0.900000, false);
INSERT INTO public.product_snapshots VALUES (206, 'p-00206', 'b2b-220030', '2026-11-05 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'b88aecec69fe478e27ea42cfd9a98d8b7b682d5b0ef512aaecb753b66812193f', '厨房置物架 工厂直销', '2026-10-11', 36.800000, 8, 8, 150, 85.000000, true, 36.800000, 0, true, true, false, true, 0.850000, false);
INSERT INTO public.product_snapshots VALUES (207, 'p-00207', 'b2b-220030', '2026-11-05 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '8bd4fdd3a6f4c38ca5140a091096aa9106edff7743dd50bdda55dfbf341ce7dd', '抽绳垃圾袋 批发', '2026-10-31', 36.800000, 40, 26, 15, 12.000000, true, 36.800000, 0, true, true, false, true, 0.900000, true);
INSERT INTO public.product_snapshots VALUES (208, 'p-00208', 'b2b-220030', '2026-11-05 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '01d64305ecb6ef3199ac6200881f7632abeefae282a00f39a73e81be50a7df7a', '免打孔挂钩 跨境', '2026-10-24', 128.000000, 0, 0, 0, 12.000000, false, NULL, 50, true, true, false, true, 0.800000, false);
INSERT INTO public.product_snapshots VALUES (209, 'p-00209', 'b2b-220030', '2026-11-05 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '1face62b42b9ed772716138b50ac6bde1cf23fbb892b9ac818c1b732c4398c41', '硅胶折叠收纳盒 爆款', '2026-04-19', 25.000000, 0, 0, 150, 25.000000, false, NULL, 0, false, true, false, true, 0.750000, false);
INSERT INTO public.product_snapshots VALUES (210, 'p-00210', 'b2b-220030', '2026-11-05 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'f82f69a7bb7fc645108af448c0622f34b7fca3b0479ed9dc915a1e92ae0729c8', '不锈钢保温杯 新款', '2026-04-19', 59.000000, 40, 40, 900, 85.000000, true, 59.000000, 300, true, false, true, true, NULL, false);
INSERT INTO public.product_snapshots VALUES (211, 'p-00211', 'b2b-220031', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '631f7e0f005aacc6ba26d375a7f2fba98fd52a358d0831363b9828a1ead2280c', '纯棉圆领T恤 爆款', '2026-10-31', 25.000000, 0, 0, 15, 25.000000, true, 25.000000, 300, false, true, false, false, 0.800000, true);
INSERT INTO public.product_snapshots VALUES (212, 'p-00212', 'b2b-220031', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'f21884955f3d08c0df7b9557264a73f16080dee1a3f2d314f07305b7d0659550', '加绒卫衣 新款', '2026-11-13', 25.000000, 0, 0, 15, 66.000000, true, 25.000000, 0, true, true, true, true, 0.900000, true);
INSERT INTO public.product_snapshots VALUES (213, 'p-00213', 'b2b-220031', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '2b0fdd10cfb1acb5dd40713ac8dfc5a32722716ee127adb18578c6ed142fa4e0', '高腰牛仔裤 工厂直销', '2026-11-13', 59.000000, 600, 2, 150, 25.000000, false, NULL, 0, true, true, false, true, 0.850000, true);
INSERT INTO public.product_snapshots VALUES (214, 'p-00214', 'b2b-220031', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'f74639669afee8f3b7ef392a4ce02d3c3d735ce590232801df38ffbf4f376855', '冰丝防晒衣 批发', '2026-10-11', 8.500000, 600, 29, 900, 66.000000, true, 8.500000, 0, true, true, false, true, 0.850000, false);
INSERT INTO public.product_snapshots VALUES (215, 'p-00215', 'b2b-220031', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '0d26273424710ba721b2caeb87da4b875e262b6ae87f030ba6d9459dba400a16', '针织开衫 跨境', '2026-08-27', 15.000000, 600, 26, 0, 12.000000, true, 15.000000, 300, true, true, true, true, 0.750000, false);
INSERT INTO public.product_snapshots VALUES (216, 'p-00216', 'b2b-220031', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '960772b319168713bb6ab896700a673b23dc68914045a36881fb814e2796596d', '纯棉圆领T恤 爆款', '2026-08-27', 59.000000, 0, 0, 0, 12.000000, true, 59.000000, 0, true, true, false, false, 0.800000, false);
INSERT INTO public.product_snapshots VALUES (217, 'p-00217', 'b2b-220031', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'd6beebb882237933171bd1e24471efbf63e5c16729ee07a8c4d01e9cc4d512a4', '加绒卫衣 新款', '2026-10-11', 128.000000, 600, 54, 900, 48.000000, true, 128.000000, 300, true, true, false, true, NULL, false);
INSERT INTO public.product_snapshots VALUES (218, 'p-00218', 'b2b-220032', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '3b1e9c4ee40bce7c0c304ef3b83a7724a3994b474c652126b3131fc8f5c974c4', '透气飞织运动鞋 爆款', '2026-10-31', 128.000000, 600, 24, 900, 25.000000, false, NULL, 50, true, true, false, true, 0.750000, true);
INSERT INTO public.product_snapshots VALUES (219, 'p-00219', 'b2b-220032', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '27084b774aa9317e4877e0a2fbc4321c1c4b7606f61a4a16ebdc4da93d6048b2', '软底妈妈鞋 新款', '2026-11-20', 128.000000, 40, 19, 0, 25.000000, true, 128.000000, 300, true, true, false, true, 0.900000, false);
INSERT INTO public.product_snapshots VALUES (220, 'p-00220', 'b2b-220032', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '381f54acb435f6803dd2298d7af9ce506bcbf8c54ef76b4f12beb25af92439c3', '儿童凉鞋 工厂直销', '2026-10-31', 25.000000, 40, 22, 150, 85.000000, true, 25.000000, 50, true, true, false, true, NULL, false);
INSERT INTO public.product_snapshots VALUES (221, 'p-00221', 'b2b-220032', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'd521d81710be4a9e873761e70a84deaf2c9c2e0144ffb390278f506920fe9a13', '加绒雪地靴 批发', '2026-05-09', 15.000000, 8, 8, 150, 85.000000, false, NULL, 50, true, true, true, true, 0.750000, false);
INSERT INTO public.product_snapshots VALUES (222, 'p-00222', 'b2b-220032', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '48ee63562c13a228117e6208ce8cf23be9cb0074be3ef8c38f9ff584fcd213b7', '男士商务皮鞋 跨境', '2026-05-09', 15.000000, 40, 14, 150, 85.000000, true, 15.000000, 300, true, true, false, false, 0.750000, false);
INSERT INTO public.product_snapshots VALUES (223, 'p-00223', 'b2b-220032', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '176b3584ad56f3c6c7c56604e9b44521d2dd963531071dd5cc33c0c8c9c1cac5', '透气飞织运动鞋 爆款', '2026-10-11', 25.000000, 600, 25, 150, 48.000000, true, 0.010000, 300, true, true, false, true, NULL, false);
INSERT INTO public.product_snapshots VALUES (224, 'p-00224', 'b2b-220032', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '06e7bfc2504a380ffce6c38b8044bc1e70fa00d26fc19093ce00553782451ff9', '软底妈妈鞋 新款', '2026-10-11', 59.000000, 120, 49, 150, 25.000000, true, 59.000000, 300, false, true, false, true, 0.750000, false);
INSERT INTO public.product_snapshots VALUES (225, 'p-00225', 'b2b-220033', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '1c800a7aff68626a4c10693bdb1a1ffa36be00aaac6d8aa3afc8e438d0e84b58', '益智积木套装 爆款', '2026-10-11', 59.000000, 120, 8, 900, 12.000000, true, 59.000000, 50, true, true, false, true, 0.900000, false);
INSERT INTO public.product_snapshots VALUES (226, 'p-00226', 'b2b-220033', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '7069b04848aca0c5601c1433abf65b833bd12f9e289d5aecf0426ea83348e61e', '遥控越野车 新款', '2026-10-11', 8.500000, 0, 0, 15, 48.000000, true, 8.500000, 300, true, true, false, true, NULL, false);
INSERT INTO public.product_snapshots VALUES (227, 'p-00227', 'b2b-220033', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '28e2797246a7ede70e25ab3a86f75aa505f2ebfc9af3cf174b4173c3707d2395', '毛绒公仔 工厂直销', '2026-10-11', 20.000000, 120, 2, 900, 85.000000, true, 20.000000, 0, true, true, false, false, 0.800000, false);
INSERT INTO public.product_snapshots VALUES (228, 'p-00228', 'b2b-220033', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'f25bac0c3b36518e242a50144b8188f9d9d89cf09aa9ff70653308142fb0898c', '泡泡机 批发', '2026-11-20', 36.800000, 120, 30, 900, 12.000000, true, 36.800000, 50, true, true, true, false, 0.900000, true);
INSERT INTO public.product_snapshots VALUES (229, 'p-00229', 'b2b-220033', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '2a5c47e844dc6a12ec0c192a6cf5e083108f1f891078251db77d35ad74145b94', '磁力片 跨境', '2026-05-09', 20.000000, 120, 14, 0, 25.000000, false, NULL, 300, true, false, true, true, 0.900000, true);
INSERT INTO public.product_snapshots VALUES (230, 'p-00230', 'b2b-220033', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '32407d9109dbe00c60c55eb9cb31bacd92d03053b28d47cf334ee047116bb9a3', '益智积木套装 爆款', '2026-11-20', 15.000000, 0, 0, 0, 66.000000, false, NULL, 300, true, true, false, true, NULL, true);
INSERT INTO public.product_snapshots VALUES (231, 'p-00231', 'b2b-220033', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '5cbcf79cdf97e8e66905a47fd9fb35f3131fdb38a86519891fe8dfa837ea1c4b', '遥控越野车 新款', '2026-08-27', 15.000000, 120, 2, 150, 12.000000, true, 15.000000, 300, true, false, true, true, 0.750000, false);
INSERT INTO public.product_snapshots VALUES (232, 'p-00232', 'b2b-220034', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'fdefe545326bffb7b4c7ba786feacf3083fd1ba3aa2ae44a8480862dc78a820c', '家用电钻套装 爆款', '2026-08-27', 128.000000, 600, 20, 15, 85.000000, false, NULL, 300, true, true, false, false, 0.850000, false);
INSERT INTO public.product_snapshots VALUES (233, 'p-00233', 'b2b-220034', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '5cd1471fc3dfa91b762577f47c3b01e8834de1abf0e62e4b7a0c2f2fb599f82e', '多功能扳手 新款', '2026-08-27', 128.000000, 120, 3, 15, 25.000000, false, NULL, 0, true, true, false, true, 0.900000, true);
INSERT INTO public.product_snapshots VALUES (234, 'p-00234', 'b2b-220034', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'ab6fbbc82b06fce6dc1b0cbe75238fe79feddac1005d09fb39c00f6880cd85f8', '卷尺5米 工厂直销', '2026-05-09', 25.000000, 0, 0, 0, 48.000000, true, 25.000000, 50, true, true, false, true, 0.850000, false);
INSERT INTO public.product_snapshots VALUES (235, 'p-00235', 'b2b-220034', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'fcd0f65cfb728983ea943bef9139aae63753e1f9d3f8d3e5da7c5d536c9aa18f', '电工胶带 批发', '2026-11-13', 20.000000, 8, 8, 150, 66.000000, true, 20.000000, 0, true, true, false, true, 0.750000, true);
INSERT INTO public.product_snapshots VALUES (236, 'p-00236', 'b2b-220034', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'cb9a38080af0f4daf99dd7b145a5fa3612e0aa343c2f49768e63b650692d70c7', '螺丝刀组合 跨境', '2026-10-11', 25.000000, 0, 0, 0, 85.000000, false, NULL, 300, true, true, false, true, 0.750000, true);
INSERT INTO public.product_snapshots VALUES (237, 'p-00237', 'b2b-220034', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'f4028ed29a50a15d6b664521f107d839d24f3a7077d1b19764b492da35c83ffb', '家用电钻套装 爆款', '2026-11-20', 36.800000, 40, 0, 15, 48.000000, false, NULL, 300, true, true, false, true, 0.900000, false);
INSERT INTO public.product_snapshots VALUES (238, 'p-00238', 'b2b-220034', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '5be77d7f97e34d4301489d9b6817577a63fc6abb7cfaa420daec64da3570308c', '多功能扳手 新款', '2026-05-09', 25.000000, 0, 0, 15, 85.000000, true, 25.000000, 50, true, false, false, true, 0.900000, false);
INSERT INTO public.product_snapshots VALUES (239, 'p-00239', 'b2b-220035', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '53902b23b6dfa4ebe6d4ab73ed1adbbdf9b90a8b218c9eb4740e10e291cfc1d9', '便携榨汁杯 爆款', '2026-05-09', 25.000000, 0, 0, 15, 25.000000, true, 25.000000, 50, true, true, false, false, 0.850000, true);
INSERT INTO public.product_snapshots VALUES (240, 'p-00240', 'b2b-220035', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '6da0cd73cbc18dbdb0abf38b7fcad31f49e3aaac95f62ba257b89a8846264e9d', '迷你加湿器 新款', '2026-10-11', 36.800000, 40, 40, 15, 12.000000, true, 36.800000, 50, true, true, false, false, 0.900000, true);
INSERT INTO public.product_snapshots VALUES (241, 'p-00241', 'b2b-220035', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', '561d1c2bc949965dffb4d8d0638fc293b3e7f706330b27548068cffedae15005', '电热水壶 工厂直销', '2026-10-11', 25.000000, 120, 49, 900, 12.000000, false, NULL, 0, true, true, false, true, 0.750000, false);
INSERT INTO public.product_snapshots VALUES (242, 'p-00242', 'b2b-220035', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'cc2f2c23e4bac0d08bcd80c185321f3391b479aa73f3fce769fd8dc96d4ceb24', '桌面小风扇 批发', '2026-10-31', 8.500000, 8, 8, 150, 85.000000, true, 8.500000, 50, true, true, false, true, 0.900000, true);
INSERT INTO public.product_snapshots VALUES (243, 'p-00243', 'b2b-220035', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'b02b00aeea0beb0a9dbca49cd42e9f56fb8398d65d257bf0907813cf2528fd6e', '挂烫机 跨境', '2026-08-27', 8.500000, 40, 7, 15, 25.000000, true, 8.500000, 50, true, true, true, true, 0.850000, true);
INSERT INTO public.product_snapshots VALUES (244, 'p-00244', 'b2b-220035', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'df76913e4304d3d5aae2c316c407ee0f109a6590642158cf88879a2680805ae3', '便携榨汁杯 爆款', '2026-11-20', 128.000000, 0, 0, 0, 66.000000, false, NULL, 300, true, true, false, true, 0.750000, true);
INSERT INTO public.product_snapshots VALUES (245, 'p-00245', 'b2b-220035', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'products.csv', 'e3f2c1629ce8ffa4db48893203744c881153c4d64e11809c85034a6067228d5a', '迷你加湿器 新款', '2026-11-13', 25.000000, 120, 6, 15, 66.000000, true, 0.010000, 300, true, true, false, false, 0.850000, true);


--
-- Data for Name: products; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.products VALUES ('p-00001', 'b2b-220001', '纯棉圆领T恤 爆款');
INSERT INTO public.products VALUES ('p-00002', 'b2b-220001', '加绒卫衣 新款');
INSERT INTO public.products VALUES ('p-00003', 'b2b-220001', '高腰牛仔裤 工厂直销');
INSERT INTO public.products VALUES ('p-00004', 'b2b-220001', '冰丝防晒衣 批发');
INSERT INTO public.products VALUES ('p-00005', 'b2b-220001', '针织开衫 跨境');
INSERT INTO public.products VALUES ('p-00006', 'b2b-220001', '纯棉圆领T恤 爆款');
INSERT INTO public.products VALUES ('p-00007', 'b2b-220001', '加绒卫衣 新款');
INSERT INTO public.products VALUES ('p-00008', 'b2b-220002', '透气飞织运动鞋 爆款');
INSERT INTO public.products VALUES ('p-00009', 'b2b-220002', '软底妈妈鞋 新款');
INSERT INTO public.products VALUES ('p-00010', 'b2b-220002', '儿童凉鞋 工厂直销');
INSERT INTO public.products VALUES ('p-00011', 'b2b-220002', '加绒雪地靴 批发');
INSERT INTO public.products VALUES ('p-00012', 'b2b-220002', '男士商务皮鞋 跨境');
INSERT INTO public.products VALUES ('p-00013', 'b2b-220002', '透气飞织运动鞋 爆款');
INSERT INTO public.products VALUES ('p-00014', 'b2b-220002', '软底妈妈鞋 新款');
INSERT INTO public.products VALUES ('p-00015', 'b2b-220003', '益智积木套装 爆款');
INSERT INTO public.products VALUES ('p-00016', 'b2b-220003', '遥控越野车 新款');
INSERT INTO public.products VALUES ('p-00017', 'b2b-220003', '毛绒公仔 工厂直销');
INSERT INTO public.products VALUES ('p-00018', 'b2b-220003', '泡泡机 批发');
INSERT INTO public.products VALUES ('p-00019', 'b2b-220003', '磁力片 跨境');
INSERT INTO public.products VALUES ('p-00020', 'b2b-220003', '益智积木套装 爆款');
INSERT INTO public.products VALUES ('p-00021', 'b2b-220003', '遥控越野车 新款');
INSERT INTO public.products VALUES ('p-00022', 'b2b-220004', '家用电钻套装 爆款');
INSERT INTO public.products VALUES ('p-00023', 'b2b-220004', '多功能扳手 新款');
INSERT INTO public.products VALUES ('p-00024', 'b2b-220004', '卷尺5米 工厂直销');
INSERT INTO public.products VALUES ('p-00025', 'b2b-220004', '电工胶带 批发');
INSERT INTO public.products VALUES ('p-00026', 'b2b-220004', '螺丝刀组合 跨境');
INSERT INTO public.products VALUES ('p-00027', 'b2b-220004', '家用电钻套装 爆款');
INSERT INTO public.products VALUES ('p-00028', 'b2b-220004', '多功能扳手 新款');
INSERT INTO public.products VALUES ('p-00029', 'b2b-220005', '便携榨汁杯 爆款');
INSERT INTO public.products VALUES ('p-00030', 'b2b-220005', '迷你加湿器 新款');
INSERT INTO public.products VALUES ('p-00031', 'b2b-220005', '电热水壶 工厂直销');
INSERT INTO public.products VALUES ('p-00032', 'b2b-220005', '桌面小风扇 批发');
INSERT INTO public.products VALUES ('p-00033', 'b2b-220005', '挂烫机 跨境');
INSERT INTO public.products VALUES ('p-00034', 'b2b-220005', '便携榨汁杯 爆款');
INSERT INTO public.products VALUES ('p-00035', 'b2b-220005', '迷你加湿器 新款');
INSERT INTO public.products VALUES ('p-00036', 'b2b-220006', '硅胶折叠收纳盒 爆款');
INSERT INTO public.products VALUES ('p-00037', 'b2b-220006', '不锈钢保温杯 新款');
INSERT INTO public.products VALUES ('p-00038', 'b2b-220006', '厨房置物架 工厂直销');
INSERT INTO public.products VALUES ('p-00039', 'b2b-220006', '抽绳垃圾袋 批发');
INSERT INTO public.products VALUES ('p-00040', 'b2b-220006', '免打孔挂钩 跨境');
INSERT INTO public.products VALUES ('p-00041', 'b2b-220006', '硅胶折叠收纳盒 爆款');
INSERT INTO public.products VALUES ('p-00042', 'b2b-220006', '不锈钢保温杯 新款');
INSERT INTO public.products VALUES ('p-00043', 'b2b-220007', '纯棉圆领T恤 爆款');
INSERT INTO public.products VALUES ('p-00044', 'b2b-220007', '加绒卫衣 新款');
INSERT INTO public.products VALUES ('p-00045', 'b2b-220007', '高腰牛仔裤 工厂直销');
INSERT INTO public.products VALUES ('p-00046', 'b2b-220007', '冰丝防晒衣 批发');
INSERT INTO public.products VALUES ('p-00047', 'b2b-220007', '针织开衫 跨境');
INSERT INTO public.products VALUES ('p-00048', 'b2b-220007', '纯棉圆领T恤 爆款');
INSERT INTO public.products VALUES ('p-00049', 'b2b-220007', '加绒卫衣 新款');
INSERT INTO public.products VALUES ('p-00050', 'b2b-220008', '透气飞织运动鞋 爆款');
INSERT INTO public.products VALUES ('p-00051', 'b2b-220008', '软底妈妈鞋 新款');
INSERT INTO public.products VALUES ('p-00052', 'b2b-220008', '儿童凉鞋 工厂直销');
INSERT INTO public.products VALUES ('p-00053', 'b2b-220008', '加绒雪地靴 批发');
INSERT INTO public.products VALUES ('p-00054', 'b2b-220008', '男士商务皮鞋 跨境');
INSERT INTO public.products VALUES ('p-00055', 'b2b-220008', '透气飞织运动鞋 爆款');
INSERT INTO public.products VALUES ('p-00056', 'b2b-220008', '软底妈妈鞋 新款');
INSERT INTO public.products VALUES ('p-00057', 'b2b-220009', '益智积木套装 爆款');
INSERT INTO public.products VALUES ('p-00058', 'b2b-220009', '遥控越野车 新款');
INSERT INTO public.products VALUES ('p-00059', 'b2b-220009', '毛绒公仔 工厂直销');
INSERT INTO public.products VALUES ('p-00060', 'b2b-220009', '泡泡机 批发');
INSERT INTO public.products VALUES ('p-00061', 'b2b-220009', '磁力片 跨境');
INSERT INTO public.products VALUES ('p-00062', 'b2b-220009', '益智积木套装 爆款');
INSERT INTO public.products VALUES ('p-00063', 'b2b-220009', '遥控越野车 新款');
INSERT INTO public.products VALUES ('p-00064', 'b2b-220010', '家用电钻套装 爆款');
INSERT INTO public.products VALUES ('p-00065', 'b2b-220010', '多功能扳手 新款');
INSERT INTO public.products VALUES ('p-00066', 'b2b-220010', '卷尺5米 工厂直销');
INSERT INTO public.products VALUES ('p-00067', 'b2b-220010', '电工胶带 批发');
INSERT INTO public.products VALUES ('p-00068', 'b2b-220010', '螺丝刀组合 跨境');
INSERT INTO public.products VALUES ('p-00069', 'b2b-220010', '家用电钻套装 爆款');
INSERT INTO public.products VALUES ('p-00070', 'b2b-220010', '多功能扳手 新款');
INSERT INTO public.products VALUES ('p-00071', 'b2b-220011', '便携榨汁杯 爆款');
INSERT INTO public.products VALUES ('p-00072', 'b2b-220011', '迷你加湿器 新款');
INSERT INTO public.products VALUES ('p-00073', 'b2b-220011', '电热水壶 工厂直销');
INSERT INTO public.products VALUES ('p-00074', 'b2b-220011', '桌面小风扇 批发');
INSERT INTO public.products VALUES ('p-00075', 'b2b-220011', '挂烫机 跨境');
INSERT INTO public.products VALUES ('p-00076', 'b2b-220011', '便携榨汁杯 爆款');
INSERT INTO public.products VALUES ('p-00077', 'b2b-220011', '迷你加湿器 新款');
INSERT INTO public.products VALUES ('p-00078', 'b2b-220012', '硅胶折叠收纳盒 爆款');
INSERT INTO public.products VALUES ('p-00079', 'b2b-220012', '不锈钢保温杯 新款');
INSERT INTO public.products VALUES ('p-00080', 'b2b-220012', '厨房置物架 工厂直销');
INSERT INTO public.products VALUES ('p-00081', 'b2b-220012', '抽绳垃圾袋 批发');
INSERT INTO public.products VALUES ('p-00082', 'b2b-220012', '免打孔挂钩 跨境');
INSERT INTO public.products VALUES ('p-00083', 'b2b-220012', '硅胶折叠收纳盒 爆款');
INSERT INTO public.products VALUES ('p-00084', 'b2b-220012', '不锈钢保温杯 新款');
INSERT INTO public.products VALUES ('p-00085', 'b2b-220013', '纯棉圆领T恤 爆款');
INSERT INTO public.products VALUES ('p-00086', 'b2b-220013', '加绒卫衣 新款');
INSERT INTO public.products VALUES ('p-00087', 'b2b-220013', '高腰牛仔裤 工厂直销');
INSERT INTO public.products VALUES ('p-00088', 'b2b-220013', '冰丝防晒衣 批发');
INSERT INTO public.products VALUES ('p-00089', 'b2b-220013', '针织开衫 跨境');
INSERT INTO public.products VALUES ('p-00090', 'b2b-220013', '纯棉圆领T恤 爆款');
INSERT INTO public.products VALUES ('p-00091', 'b2b-220013', '加绒卫衣 新款');
INSERT INTO public.products VALUES ('p-00092', 'b2b-220014', '透气飞织运动鞋 爆款');
INSERT INTO public.products VALUES ('p-00093', 'b2b-220014', '软底妈妈鞋 新款');
INSERT INTO public.products VALUES ('p-00094', 'b2b-220014', '儿童凉鞋 工厂直销');
INSERT INTO public.products VALUES ('p-00095', 'b2b-220014', '加绒雪地靴 批发');
INSERT INTO public.products VALUES ('p-00096', 'b2b-220014', '男士商务皮鞋 跨境');
INSERT INTO public.products VALUES ('p-00097', 'b2b-220014', '透气飞织运动鞋 爆款');
INSERT INTO public.products VALUES ('p-00098', 'b2b-220014', '软底妈妈鞋 新款');
INSERT INTO public.products VALUES ('p-00099', 'b2b-220015', '益智积木套装 爆款');
INSERT INTO public.products VALUES ('p-00100', 'b2b-220015', '遥控越野车 新款');
INSERT INTO public.products VALUES ('p-00101', 'b2b-220015', '毛绒公仔 工厂直销');
INSERT INTO public.products VALUES ('p-00102', 'b2b-220015', '泡泡机 批发');
INSERT INTO public.products VALUES ('p-00103', 'b2b-220015', '磁力片 跨境');
INSERT INTO public.products VALUES ('p-00104', 'b2b-220015', '益智积木套装 爆款');
INSERT INTO public.products VALUES ('p-00105', 'b2b-220015', '遥控越野车 新款');
INSERT INTO public.products VALUES ('p-00106', 'b2b-220016', '家用电钻套装 爆款');
INSERT INTO public.products VALUES ('p-00107', 'b2b-220016', '多功能扳手 新款');
INSERT INTO public.products VALUES ('p-00108', 'b2b-220016', '卷尺5米 工厂直销');
INSERT INTO public.products VALUES ('p-00109', 'b2b-220016', '电工胶带 批发');
INSERT INTO public.products VALUES ('p-00110', 'b2b-220016', '螺丝刀组合 跨境');
INSERT INTO public.products VALUES ('p-00111', 'b2b-220016', '家用电钻套装 爆款');
INSERT INTO public.products VALUES ('p-00112', 'b2b-220016', '多功能扳手 新款');
INSERT INTO public.products VALUES ('p-00113', 'b2b-220017', '便携榨汁杯 爆款');
INSERT INTO public.products VALUES ('p-00114', 'b2b-220017', '迷你加湿器 新款');
INSERT INTO public.products VALUES ('p-00115', 'b2b-220017', '电热水壶 工厂直销');
INSERT INTO public.products VALUES ('p-00116', 'b2b-220017', '桌面小风扇 批发');
INSERT INTO public.products VALUES ('p-00117', 'b2b-220017', '挂烫机 跨境');
INSERT INTO public.products VALUES ('p-00118', 'b2b-220017', '便携榨汁杯 爆款');
INSERT INTO public.products VALUES ('p-00119', 'b2b-220017', '迷你加湿器 新款');
INSERT INTO public.products VALUES ('p-00120', 'b2b-220018', '硅胶折叠收纳盒 爆款');
INSERT INTO public.products VALUES ('p-00121', 'b2b-220018', '不锈钢保温杯 新款');
INSERT INTO public.products VALUES ('p-00122', 'b2b-220018', '厨房置物架 工厂直销');
INSERT INTO public.products VALUES ('p-00123', 'b2b-220018', '抽绳垃圾袋 批发');
INSERT INTO public.products VALUES ('p-00124', 'b2b-220018', '免打孔挂钩 跨境');
INSERT INTO public.products VALUES ('p-00125', 'b2b-220018', '硅胶折叠收纳盒 爆款');
INSERT INTO public.products VALUES ('p-00126', 'b2b-220018', '不锈钢保温杯 新款');
INSERT INTO public.products VALUES ('p-00127', 'b2b-220019', '纯棉圆领T恤 爆款');
INSERT INTO public.products VALUES ('p-00128', 'b2b-220019', '加绒卫衣 新款');
INSERT INTO public.products VALUES ('p-00129', 'b2b-220019', '高腰牛仔裤 工厂直销');
INSERT INTO public.products VALUES ('p-00130', 'b2b-220019', '冰丝防晒衣 批发');
INSERT INTO public.products VALUES ('p-00131', 'b2b-220019', '针织开衫 跨境');
INSERT INTO public.products VALUES ('p-00132', 'b2b-220019', '纯棉圆领T恤 爆款');
INSERT INTO public.products VALUES ('p-00133', 'b2b-220019', '加绒卫衣 新款');
INSERT INTO public.products VALUES ('p-00134', 'b2b-220020', '透气飞织运动鞋 爆款');
INSERT INTO public.products VALUES ('p-00135', 'b2b-220020', '软底妈妈鞋 新款');
INSERT INTO public.products VALUES ('p-00136', 'b2b-220020', '儿童凉鞋 工厂直销');
INSERT INTO public.products VALUES ('p-00137', 'b2b-220020', '加绒雪地靴 批发');
INSERT INTO public.products VALUES ('p-00138', 'b2b-220020', '男士商务皮鞋 跨境');
INSERT INTO public.products VALUES ('p-00139', 'b2b-220020', '透气飞织运动鞋 爆款');
INSERT INTO public.products VALUES ('p-00140', 'b2b-220020', '软底妈妈鞋 新款');
INSERT INTO public.products VALUES ('p-00141', 'b2b-220021', '益智积木套装 爆款');
INSERT INTO public.products VALUES ('p-00142', 'b2b-220021', '遥控越野车 新款');
INSERT INTO public.products VALUES ('p-00143', 'b2b-220021', '毛绒公仔 工厂直销');
INSERT INTO public.products VALUES ('p-00144', 'b2b-220021', '泡泡机 批发');
INSERT INTO public.products VALUES ('p-00145', 'b2b-220021', '磁力片 跨境');
INSERT INTO public.products VALUES ('p-00146', 'b2b-220021', '益智积木套装 爆款');
INSERT INTO public.products VALUES ('p-00147', 'b2b-220021', '遥控越野车 新款');
INSERT INTO public.products VALUES ('p-00148', 'b2b-220022', '家用电钻套装 爆款');
INSERT INTO public.products VALUES ('p-00149', 'b2b-220022', '多功能扳手 新款');
INSERT INTO public.products VALUES ('p-00150', 'b2b-220022', '卷尺5米 工厂直销');
INSERT INTO public.products VALUES ('p-00151', 'b2b-220022', '电工胶带 批发');
INSERT INTO public.products VALUES ('p-00152', 'b2b-220022', '螺丝刀组合 跨境');
INSERT INTO public.products VALUES ('p-00153', 'b2b-220022', '家用电钻套装 爆款');
INSERT INTO public.products VALUES ('p-00154', 'b2b-220022', '多功能扳手 新款');
INSERT INTO public.products VALUES ('p-00155', 'b2b-220023', '便携榨汁杯 爆款');
INSERT INTO public.products VALUES ('p-00156', 'b2b-220023', '迷你加湿器 新款');
INSERT INTO public.products VALUES ('p-00157', 'b2b-220023', '电热水壶 工厂直销');
INSERT INTO public.products VALUES ('p-00158', 'b2b-220023', '桌面小风扇 批发');
INSERT INTO public.products VALUES ('p-00159', 'b2b-220023', '挂烫机 跨境');
INSERT INTO public.products VALUES ('p-00160', 'b2b-220023', '便携榨汁杯 爆款');
INSERT INTO public.products VALUES ('p-00161', 'b2b-220023', '迷你加湿器 新款');
INSERT INTO public.products VALUES ('p-00162', 'b2b-220024', '硅胶折叠收纳盒 爆款');
INSERT INTO public.products VALUES ('p-00163', 'b2b-220024', '不锈钢保温杯 新款');
INSERT INTO public.products VALUES ('p-00164', 'b2b-220024', '厨房置物架 工厂直销');
INSERT INTO public.products VALUES ('p-00165', 'b2b-220024', '抽绳垃圾袋 批发');
INSERT INTO public.products VALUES ('p-00166', 'b2b-220024', '免打孔挂钩 跨境');
INSERT INTO public.products VALUES ('p-00167', 'b2b-220024', '硅胶折叠收纳盒 爆款');
INSERT INTO public.products VALUES ('p-00168', 'b2b-220024', '不锈钢保温杯 新款');
INSERT INTO public.products VALUES ('p-00169', 'b2b-220025', '纯棉圆领T恤 爆款');
INSERT INTO public.products VALUES ('p-00170', 'b2b-220025', '加绒卫衣 新款');
INSERT INTO public.products VALUES ('p-00171', 'b2b-220025', '高腰牛仔裤 工厂直销');
INSERT INTO public.products VALUES ('p-00172', 'b2b-220025', '冰丝防晒衣 批发');
INSERT INTO public.products VALUES ('p-00173', 'b2b-220025', '针织开衫 跨境');
INSERT INTO public.products VALUES ('p-00174', 'b2b-220025', '纯棉圆领T恤 爆款');
INSERT INTO public.products VALUES ('p-00175', 'b2b-220025', '加绒卫衣 新款');
INSERT INTO public.products VALUES ('p-00176', 'b2b-220026', '透气飞织运动鞋 爆款');
INSERT INTO public.products VALUES ('p-00177', 'b2b-220026', '软底妈妈鞋 新款');
INSERT INTO public.products VALUES ('p-00178', 'b2b-220026', '儿童凉鞋 工厂直销');
INSERT INTO public.products VALUES ('p-00179', 'b2b-220026', '加绒雪地靴 批发');
INSERT INTO public.products VALUES ('p-00180', 'b2b-220026', '男士商务皮鞋 跨境');
INSERT INTO public.products VALUES ('p-00181', 'b2b-220026', '透气飞织运动鞋 爆款');
INSERT INTO public.products VALUES ('p-00182', 'b2b-220026', '软底妈妈鞋 新款');
INSERT INTO public.products VALUES ('p-00183', 'b2b-220027', '益智积木套装 爆款');
INSERT INTO public.products VALUES ('p-00184', 'b2b-220027', '遥控越野车 新款');
INSERT INTO public.products VALUES ('p-00185', 'b2b-220027', '毛绒公仔 工厂直销');
INSERT INTO public.products VALUES ('p-00186', 'b2b-220027', '泡泡机 批发');
INSERT INTO public.products VALUES ('p-00187', 'b2b-220027', '磁力片 跨境');
INSERT INTO public.products VALUES ('p-00188', 'b2b-220027', '益智积木套装 爆款');
INSERT INTO public.products VALUES ('p-00189', 'b2b-220027', '遥控越野车 新款');
INSERT INTO public.products VALUES ('p-00190', 'b2b-220028', '家用电钻套装 爆款');
INSERT INTO public.products VALUES ('p-00191', 'b2b-220028', '多功能扳手 新款');
INSERT INTO public.products VALUES ('p-00192', 'b2b-220028', '卷尺5米 工厂直销');
INSERT INTO public.products VALUES ('p-00193', 'b2b-220028', '电工胶带 批发');
INSERT INTO public.products VALUES ('p-00194', 'b2b-220028', '螺丝刀组合 跨境');
INSERT INTO public.products VALUES ('p-00195', 'b2b-220028', '家用电钻套装 爆款');
INSERT INTO public.products VALUES ('p-00196', 'b2b-220028', '多功能扳手 新款');
INSERT INTO public.products VALUES ('p-00197', 'b2b-220029', '便携榨汁杯 爆款');
INSERT INTO public.products VALUES ('p-00198', 'b2b-220029', '迷你加湿器 新款');
INSERT INTO public.products VALUES ('p-00199', 'b2b-220029', '电热水壶 工厂直销');
INSERT INTO public.products VALUES ('p-00200', 'b2b-220029', '桌面小风扇 批发');
INSERT INTO public.products VALUES ('p-00201', 'b2b-220029', '挂烫机 跨境');
INSERT INTO public.products VALUES ('p-00202', 'b2b-220029', '便携榨汁杯 爆款');
INSERT INTO public.products VALUES ('p-00203', 'b2b-220029', '迷你加湿器 新款');
INSERT INTO public.products VALUES ('p-00204', 'b2b-220030', '硅胶折叠收纳盒 爆款');
INSERT INTO public.products VALUES ('p-00205', 'b2b-220030', '不锈钢保温杯 新款');
INSERT INTO public.products VALUES ('p-00206', 'b2b-220030', '厨房置物架 工厂直销');
INSERT INTO public.products VALUES ('p-00207', 'b2b-220030', '抽绳垃圾袋 批发');
INSERT INTO public.products VALUES ('p-00208', 'b2b-220030', '免打孔挂钩 跨境');
INSERT INTO public.products VALUES ('p-00209', 'b2b-220030', '硅胶折叠收纳盒 爆款');
INSERT INTO public.products VALUES ('p-00210', 'b2b-220030', '不锈钢保温杯 新款');
INSERT INTO public.products VALUES ('p-00211', 'b2b-220031', '纯棉圆领T恤 爆款');
INSERT INTO public.products VALUES ('p-00212', 'b2b-220031', '加绒卫衣 新款');
INSERT INTO public.products VALUES ('p-00213', 'b2b-220031', '高腰牛仔裤 工厂直销');
INSERT INTO public.products VALUES ('p-00214', 'b2b-220031', '冰丝防晒衣 批发');
INSERT INTO public.products VALUES ('p-00215', 'b2b-220031', '针织开衫 跨境');
INSERT INTO public.products VALUES ('p-00216', 'b2b-220031', '纯棉圆领T恤 爆款');
INSERT INTO public.products VALUES ('p-00217', 'b2b-220031', '加绒卫衣 新款');
INSERT INTO public.products VALUES ('p-00218', 'b2b-220032', '透气飞织运动鞋 爆款');
INSERT INTO public.products VALUES ('p-00219', 'b2b-220032', '软底妈妈鞋 新款');
INSERT INTO public.products VALUES ('p-00220', 'b2b-220032', '儿童凉鞋 工厂直销');
INSERT INTO public.products VALUES ('p-00221', 'b2b-220032', '加绒雪地靴 批发');
INSERT INTO public.products VALUES ('p-00222', 'b2b-220032', '男士商务皮鞋 跨境');
INSERT INTO public.products VALUES ('p-00223', 'b2b-220032', '透气飞织运动鞋 爆款');
INSERT INTO public.products VALUES ('p-00224', 'b2b-220032', '软底妈妈鞋 新款');
INSERT INTO public.products VALUES ('p-00225', 'b2b-220033', '益智积木套装 爆款');
INSERT INTO public.products VALUES ('p-00226', 'b2b-220033', '遥控越野车 新款');
INSERT INTO public.products VALUES ('p-00227', 'b2b-220033', '毛绒公仔 工厂直销');
INSERT INTO public.products VALUES ('p-00228', 'b2b-220033', '泡泡机 批发');
INSERT INTO public.products VALUES ('p-00229', 'b2b-220033', '磁力片 跨境');
INSERT INTO public.products VALUES ('p-00230', 'b2b-220033', '益智积木套装 爆款');
INSERT INTO public.products VALUES ('p-00231', 'b2b-220033', '遥控越野车 新款');
INSERT INTO public.products VALUES ('p-00232', 'b2b-220034', '家用电钻套装 爆款');
INSERT INTO public.products VALUES ('p-00233', 'b2b-220034', '多功能扳手 新款');
INSERT INTO public.products VALUES ('p-00234', 'b2b-220034', '卷尺5米 工厂直销');
INSERT INTO public.products VALUES ('p-00235', 'b2b-220034', '电工胶带 批发');
INSERT INTO public.products VALUES ('p-00236', 'b2b-220034', '螺丝刀组合 跨境');
INSERT INTO public.products VALUES ('p-00237', 'b2b-220034', '家用电钻套装 爆款');
INSERT INTO public.products VALUES ('p-00238', 'b2b-220034', '多功能扳手 新款');
INSERT INTO public.products VALUES ('p-00239', 'b2b-220035', '便携榨汁杯 爆款');
INSERT INTO public.products VALUES ('p-00240', 'b2b-220035', '迷你加湿器 新款');
INSERT INTO public.products VALUES ('p-00241', 'b2b-220035', '电热水壶 工厂直销');
INSERT INTO public.products VALUES ('p-00242', 'b2b-220035', '桌面小风扇 批发');
INSERT INTO public.products VALUES ('p-00243', 'b2b-220035', '挂烫机 跨境');
INSERT INTO public.products VALUES ('p-00244', 'b2b-220035', '便携榨汁杯 爆款');
INSERT INTO public.products VALUES ('p-00245', 'b2b-220035', '迷你加湿器 新款');


--
-- Data for Name: reminders; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.reminders VALUES (2, '1/digest:2026-W52/digest', 1, 'b2b-220011', 'daily', 'digest:2026-W52', 'digest', '2026-12-21 01:00:00+00', '2026-12-27 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (3, '1/digest:2026-W53/digest', 1, 'b2b-220011', 'daily', 'digest:2026-W53', 'digest', '2026-12-28 01:00:00+00', '2027-01-03 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (4, '1/digest:2027-W01/digest', 1, 'b2b-220011', 'daily', 'digest:2027-W01', 'digest', '2027-01-04 01:00:00+00', '2027-01-10 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (5, '1/digest:2027-W02/digest', 1, 'b2b-220011', 'daily', 'digest:2027-W02', 'digest', '2027-01-11 01:00:00+00', '2027-01-17 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (6, '1/digest:2027-W03/digest', 1, 'b2b-220011', 'daily', 'digest:2027-W03', 'digest', '2027-01-18 01:00:00+00', '2027-01-24 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (7, '1/digest:2027-W04/digest', 1, 'b2b-220011', 'daily', 'digest:2027-W04', 'digest', '2027-01-25 01:00:00+00', '2027-01-31 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (8, '1/digest:2027-W05/digest', 1, 'b2b-220011', 'daily', 'digest:2027-W05', 'digest', '2027-02-01 01:00:00+00', '2027-02-07 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (9, '1/digest:2027-W06/digest', 1, 'b2b-220011', 'daily', 'digest:2027-W06', 'digest', '2027-02-08 01:00:00+00', '2027-02-14 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (10, '1/monthly-benchmark:2027-01/before-1d', 1, 'b2b-220011', 'monthly-benchmark', 'monthly-benchmark:2027-01', 'before-1d', '2026-12-24 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (11, '1/monthly-benchmark:2027-01/before-7d', 1, 'b2b-220011', 'monthly-benchmark', 'monthly-benchmark:2027-01', 'before-7d', '2026-12-18 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (13, '1/monthly-benchmark:2027-02/before-1d', 1, 'b2b-220011', 'monthly-benchmark', 'monthly-benchmark:2027-02', 'before-1d', '2027-01-22 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (14, '1/monthly-benchmark:2027-02/before-7d', 1, 'b2b-220011', 'monthly-benchmark', 'monthly-benchmark:2027-02', 'before-7d', '2027-01-18 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (15, '1/monthly-benchmark:2027-02/opens', 1, 'b2b-220011', 'monthly-benchmark', 'monthly-benchmark:2027-02', 'opens', '2027-01-15 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (16, '1/monthly-core-promotion:2027-01/before-1d', 1, 'b2b-220011', 'monthly-core-promotion', 'monthly-core-promotion:2027-01', 'before-1d', '2026-12-24 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (17, '1/monthly-core-promotion:2027-01/before-7d', 1, 'b2b-220011', 'monthly-core-promotion', 'monthly-core-promotion:2027-01', 'before-7d', '2026-12-18 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (19, '1/monthly-core-promotion:2027-02/before-1d', 1, 'b2b-220011', 'monthly-core-promotion', 'monthly-core-promotion:2027-02', 'before-1d', '2027-01-22 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (20, '1/monthly-core-promotion:2027-02/before-7d', 1, 'b2b-220011', 'monthly-core-promotion', 'monthly-core-promotion:2027-02', 'before-7d', '2027-01-18 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (21, '1/monthly-core-promotion:2027-02/opens', 1, 'b2b-220011', 'monthly-core-promotion', 'monthly-core-promotion:2027-02', 'opens', '2027-01-15 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (22, '1/monthly-hot-items:2027-01/before-1d', 1, 'b2b-220011', 'monthly-hot-items', 'monthly-hot-items:2027-01', 'before-1d', '2026-12-24 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (23, '1/monthly-hot-items:2027-01/before-7d', 1, 'b2b-220011', 'monthly-hot-items', 'monthly-hot-items:2027-01', 'before-7d', '2026-12-18 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (25, '1/monthly-hot-items:2027-02/before-1d', 1, 'b2b-220011', 'monthly-hot-items', 'monthly-hot-items:2027-02', 'before-1d', '2027-01-22 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (26, '1/monthly-hot-items:2027-02/before-7d', 1, 'b2b-220011', 'monthly-hot-items', 'monthly-hot-items:2027-02', 'before-7d', '2027-01-18 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (27, '1/monthly-hot-items:2027-02/opens', 1, 'b2b-220011', 'monthly-hot-items', 'monthly-hot-items:2027-02', 'opens', '2027-01-15 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (28, '1/monthly-origin:2027-01/before-1d', 1, 'b2b-220011', 'monthly-origin', 'monthly-origin:2027-01', 'before-1d', '2026-12-24 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (29, '1/monthly-origin:2027-01/before-7d', 1, 'b2b-220011', 'monthly-origin', 'monthly-origin:2027-01', 'before-7d', '2026-12-18 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (31, '1/monthly-origin:2027-02/before-1d', 1, 'b2b-220011', 'monthly-origin', 'monthly-origin:2027-02', 'before-1d', '2027-01-22 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (32, '1/monthly-origin:2027-02/before-7d', 1, 'b2b-220011', 'monthly-origin', 'monthly-origin:2027-02', 'before-7d', '2027-01-18 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (33, '1/monthly-origin:2027-02/opens', 1, 'b2b-220011', 'monthly-origin', 'monthly-origin:2027-02', 'opens', '2027-01-15 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (34, '1/monthly-sales:2027-01/before-1d', 1, 'b2b-220011', 'monthly-sales', 'monthly-sales:2027-01', 'before-1d', '2026-12-24 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (35, '1/monthly-sales:2027-01/before-7d', 1, 'b2b-220011', 'monthly-sales', 'monthly-sales:2027-01', 'before-7d', '2026-12-18 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (37, '1/monthly-sales:2027-02/before-1d', 1, 'b2b-220011', 'monthly-sales', 'monthly-sales:2027-02', 'before-1d', '2027-01-22 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (38, '1/monthly-sales:2027-02/before-7d', 1, 'b2b-220011', 'monthly-sales', 'monthly-sales:2027-02', 'before-7d', '2027-01-18 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (39, '1/monthly-sales:2027-02/opens', 1, 'b2b-220011', 'monthly-sales', 'monthly-sales:2027-02', 'opens', '2027-01-15 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (40, '1/monthly-top-sellers:2027-01/before-1d', 1, 'b2b-220011', 'monthly-top-sellers', 'monthly-top-sellers:2027-01', 'before-1d', '2026-12-24 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (41, '1/monthly-top-sellers:2027-01/before-7d', 1, 'b2b-220011', 'monthly-top-sellers', 'monthly-top-sellers:2027-01', 'before-7d', '2026-12-18 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (43, '1/monthly-top-sellers:2027-02/before-1d', 1, 'b2b-220011', 'monthly-top-sellers', 'monthly-top-sellers:2027-02', 'before-1d', '2027-01-22 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (44, '1/monthly-top-sellers:2027-02/before-7d', 1, 'b2b-220011', 'monthly-top-sellers', 'monthly-top-sellers:2027-02', 'before-7d', '2027-01-18 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (45, '1/monthly-top-sellers:2027-02/opens', 1, 'b2b-220011', 'monthly-top-sellers', 'monthly-top-sellers:2027-02', 'opens', '2027-01-15 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (46, '1/promo-327:2027/opens', 1, 'b2b-220011', 'promo-327', 'promo-327:2027', 'opens', '2027-02-10 01:00:00+00', '2027-03-07 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (47, '1/promo-327:2027/prepare', 1, 'b2b-220011', 'promo-327', 'promo-327:2027', 'prepare', '2027-02-08 01:00:00+00', '2027-03-07 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (48, '1/quarterly-clearance:2027-Q1/before-1d', 1, 'b2b-220011', 'quarterly-clearance', 'quarterly-clearance:2027-Q1', 'before-1d', '2027-01-08 01:00:00+00', '2027-01-10 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (49, '1/quarterly-clearance:2027-Q1/opens', 1, 'b2b-220011', 'quarterly-clearance', 'quarterly-clearance:2027-Q1', 'opens', '2027-01-01 01:00:00+00', '2027-01-10 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (50, '1/quarterly-hot-sellers:2027-Q1/before-1d', 1, 'b2b-220011', 'quarterly-hot-sellers', 'quarterly-hot-sellers:2027-Q1', 'before-1d', '2027-01-08 01:00:00+00', '2027-01-10 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (51, '1/quarterly-hot-sellers:2027-Q1/opens', 1, 'b2b-220011', 'quarterly-hot-sellers', 'quarterly-hot-sellers:2027-Q1', 'opens', '2027-01-01 01:00:00+00', '2027-01-10 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (52, '1/quarterly-new-arrivals:2027-Q1/before-1d', 1, 'b2b-220011', 'quarterly-new-arrivals', 'quarterly-new-arrivals:2027-Q1', 'before-1d', '2027-01-08 01:00:00+00', '2027-01-10 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (53, '1/quarterly-new-arrivals:2027-Q1/opens', 1, 'b2b-220011', 'quarterly-new-arrivals', 'quarterly-new-arrivals:2027-Q1', 'opens', '2027-01-01 01:00:00+00', '2027-01-10 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (55, '2/digest:2026-W52/digest', 2, 'b2b-220001', 'daily', 'digest:2026-W52', 'digest', '2026-12-21 01:00:00+00', '2026-12-27 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (56, '2/digest:2026-W53/digest', 2, 'b2b-220001', 'daily', 'digest:2026-W53', 'digest', '2026-12-28 01:00:00+00', '2027-01-03 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (57, '2/digest:2027-W01/digest', 2, 'b2b-220001', 'daily', 'digest:2027-W01', 'digest', '2027-01-04 01:00:00+00', '2027-01-10 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (58, '2/digest:2027-W02/digest', 2, 'b2b-220001', 'daily', 'digest:2027-W02', 'digest', '2027-01-11 01:00:00+00', '2027-01-17 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (59, '2/digest:2027-W03/digest', 2, 'b2b-220001', 'daily', 'digest:2027-W03', 'digest', '2027-01-18 01:00:00+00', '2027-01-24 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (60, '2/digest:2027-W04/digest', 2, 'b2b-220001', 'daily', 'digest:2027-W04', 'digest', '2027-01-25 01:00:00+00', '2027-01-31 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (61, '2/digest:2027-W05/digest', 2, 'b2b-220001', 'daily', 'digest:2027-W05', 'digest', '2027-02-01 01:00:00+00', '2027-02-07 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (62, '2/digest:2027-W06/digest', 2, 'b2b-220001', 'daily', 'digest:2027-W06', 'digest', '2027-02-08 01:00:00+00', '2027-02-14 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (63, '2/monthly-benchmark:2027-01/before-1d', 2, 'b2b-220001', 'monthly-benchmark', 'monthly-benchmark:2027-01', 'before-1d', '2026-12-24 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (64, '2/monthly-benchmark:2027-01/before-7d', 2, 'b2b-220001', 'monthly-benchmark', 'monthly-benchmark:2027-01', 'before-7d', '2026-12-18 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (66, '2/monthly-benchmark:2027-02/before-1d', 2, 'b2b-220001', 'monthly-benchmark', 'monthly-benchmark:2027-02', 'before-1d', '2027-01-22 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (67, '2/monthly-benchmark:2027-02/before-7d', 2, 'b2b-220001', 'monthly-benchmark', 'monthly-benchmark:2027-02', 'before-7d', '2027-01-18 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (68, '2/monthly-benchmark:2027-02/opens', 2, 'b2b-220001', 'monthly-benchmark', 'monthly-benchmark:2027-02', 'opens', '2027-01-15 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (69, '2/monthly-core-promotion:2027-01/before-1d', 2, 'b2b-220001', 'monthly-core-promotion', 'monthly-core-promotion:2027-01', 'before-1d', '2026-12-24 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (70, '2/monthly-core-promotion:2027-01/before-7d', 2, 'b2b-220001', 'monthly-core-promotion', 'monthly-core-promotion:2027-01', 'before-7d', '2026-12-18 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (72, '2/monthly-core-promotion:2027-02/before-1d', 2, 'b2b-220001', 'monthly-core-promotion', 'monthly-core-promotion:2027-02', 'before-1d', '2027-01-22 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (73, '2/monthly-core-promotion:2027-02/before-7d', 2, 'b2b-220001', 'monthly-core-promotion', 'monthly-core-promotion:2027-02', 'before-7d', '2027-01-18 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (74, '2/monthly-core-promotion:2027-02/opens', 2, 'b2b-220001', 'monthly-core-promotion', 'monthly-core-promotion:2027-02', 'opens', '2027-01-15 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (75, '2/monthly-hot-items:2027-01/before-1d', 2, 'b2b-220001', 'monthly-hot-items', 'monthly-hot-items:2027-01', 'before-1d', '2026-12-24 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (76, '2/monthly-hot-items:2027-01/before-7d', 2, 'b2b-220001', 'monthly-hot-items', 'monthly-hot-items:2027-01', 'before-7d', '2026-12-18 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (78, '2/monthly-hot-items:2027-02/before-1d', 2, 'b2b-220001', 'monthly-hot-items', 'monthly-hot-items:2027-02', 'before-1d', '2027-01-22 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (79, '2/monthly-hot-items:2027-02/before-7d', 2, 'b2b-220001', 'monthly-hot-items', 'monthly-hot-items:2027-02', 'before-7d', '2027-01-18 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (80, '2/monthly-hot-items:2027-02/opens', 2, 'b2b-220001', 'monthly-hot-items', 'monthly-hot-items:2027-02', 'opens', '2027-01-15 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (81, '2/monthly-origin:2027-01/before-1d', 2, 'b2b-220001', 'monthly-origin', 'monthly-origin:2027-01', 'before-1d', '2026-12-24 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (82, '2/monthly-origin:2027-01/before-7d', 2, 'b2b-220001', 'monthly-origin', 'monthly-origin:2027-01', 'before-7d', '2026-12-18 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (84, '2/monthly-origin:2027-02/before-1d', 2, 'b2b-220001', 'monthly-origin', 'monthly-origin:2027-02', 'before-1d', '2027-01-22 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (85, '2/monthly-origin:2027-02/before-7d', 2, 'b2b-220001', 'monthly-origin', 'monthly-origin:2027-02', 'before-7d', '2027-01-18 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (86, '2/monthly-origin:2027-02/opens', 2, 'b2b-220001', 'monthly-origin', 'monthly-origin:2027-02', 'opens', '2027-01-15 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (87, '2/monthly-sales:2027-01/before-1d', 2, 'b2b-220001', 'monthly-sales', 'monthly-sales:2027-01', 'before-1d', '2026-12-24 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (88, '2/monthly-sales:2027-01/before-7d', 2, 'b2b-220001', 'monthly-sales', 'monthly-sales:2027-01', 'before-7d', '2026-12-18 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (90, '2/monthly-sales:2027-02/before-1d', 2, 'b2b-220001', 'monthly-sales', 'monthly-sales:2027-02', 'before-1d', '2027-01-22 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (91, '2/monthly-sales:2027-02/before-7d', 2, 'b2b-220001', 'monthly-sales', 'monthly-sales:2027-02', 'before-7d', '2027-01-18 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (92, '2/monthly-sales:2027-02/opens', 2, 'b2b-220001', 'monthly-sales', 'monthly-sales:2027-02', 'opens', '2027-01-15 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (93, '2/monthly-top-sellers:2027-01/before-1d', 2, 'b2b-220001', 'monthly-top-sellers', 'monthly-top-sellers:2027-01', 'before-1d', '2026-12-24 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (94, '2/monthly-top-sellers:2027-01/before-7d', 2, 'b2b-220001', 'monthly-top-sellers', 'monthly-top-sellers:2027-01', 'before-7d', '2026-12-18 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (96, '2/monthly-top-sellers:2027-02/before-1d', 2, 'b2b-220001', 'monthly-top-sellers', 'monthly-top-sellers:2027-02', 'before-1d', '2027-01-22 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (97, '2/monthly-top-sellers:2027-02/before-7d', 2, 'b2b-220001', 'monthly-top-sellers', 'monthly-top-sellers:2027-02', 'before-7d', '2027-01-18 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (98, '2/monthly-top-sellers:2027-02/opens', 2, 'b2b-220001', 'monthly-top-sellers', 'monthly-top-sellers:2027-02', 'opens', '2027-01-15 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (99, '2/promo-327:2027/opens', 2, 'b2b-220001', 'promo-327', 'promo-327:2027', 'opens', '2027-02-10 01:00:00+00', '2027-03-07 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (100, '2/promo-327:2027/prepare', 2, 'b2b-220001', 'promo-327', 'promo-327:2027', 'prepare', '2027-02-08 01:00:00+00', '2027-03-07 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (101, '2/quarterly-clearance:2027-Q1/before-1d', 2, 'b2b-220001', 'quarterly-clearance', 'quarterly-clearance:2027-Q1', 'before-1d', '2027-01-08 01:00:00+00', '2027-01-10 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (102, '2/quarterly-clearance:2027-Q1/opens', 2, 'b2b-220001', 'quarterly-clearance', 'quarterly-clearance:2027-Q1', 'opens', '2027-01-01 01:00:00+00', '2027-01-10 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (103, '2/quarterly-hot-sellers:2027-Q1/before-1d', 2, 'b2b-220001', 'quarterly-hot-sellers', 'quarterly-hot-sellers:2027-Q1', 'before-1d', '2027-01-08 01:00:00+00', '2027-01-10 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (104, '2/quarterly-hot-sellers:2027-Q1/opens', 2, 'b2b-220001', 'quarterly-hot-sellers', 'quarterly-hot-sellers:2027-Q1', 'opens', '2027-01-01 01:00:00+00', '2027-01-10 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (105, '2/quarterly-new-arrivals:2027-Q1/before-1d', 2, 'b2b-220001', 'quarterly-new-arrivals', 'quarterly-new-arrivals:2027-Q1', 'before-1d', '2027-01-08 01:00:00+00', '2027-01-10 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (106, '2/quarterly-new-arrivals:2027-Q1/opens', 2, 'b2b-220001', 'quarterly-new-arrivals', 'quarterly-new-arrivals:2027-Q1', 'opens', '2027-01-01 01:00:00+00', '2027-01-10 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (108, '3/digest:2026-W52/digest', 3, 'b2b-220002', 'daily', 'digest:2026-W52', 'digest', '2026-12-21 01:00:00+00', '2026-12-27 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (109, '3/digest:2026-W53/digest', 3, 'b2b-220002', 'daily', 'digest:2026-W53', 'digest', '2026-12-28 01:00:00+00', '2027-01-03 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (110, '3/digest:2027-W01/digest', 3, 'b2b-220002', 'daily', 'digest:2027-W01', 'digest', '2027-01-04 01:00:00+00', '2027-01-10 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (111, '3/digest:2027-W02/digest', 3, 'b2b-220002', 'daily', 'digest:2027-W02', 'digest', '2027-01-11 01:00:00+00', '2027-01-17 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (112, '3/digest:2027-W03/digest', 3, 'b2b-220002', 'daily', 'digest:2027-W03', 'digest', '2027-01-18 01:00:00+00', '2027-01-24 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (113, '3/digest:2027-W04/digest', 3, 'b2b-220002', 'daily', 'digest:2027-W04', 'digest', '2027-01-25 01:00:00+00', '2027-01-31 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (114, '3/digest:2027-W05/digest', 3, 'b2b-220002', 'daily', 'digest:2027-W05', 'digest', '2027-02-01 01:00:00+00', '2027-02-07 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (115, '3/digest:2027-W06/digest', 3, 'b2b-220002', 'daily', 'digest:2027-W06', 'digest', '2027-02-08 01:00:00+00', '2027-02-14 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (116, '3/monthly-benchmark:2027-01/before-1d', 3, 'b2b-220002', 'monthly-benchmark', 'monthly-benchmark:2027-01', 'before-1d', '2026-12-24 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (117, '3/monthly-benchmark:2027-01/before-7d', 3, 'b2b-220002', 'monthly-benchmark', 'monthly-benchmark:2027-01', 'before-7d', '2026-12-18 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (119, '3/monthly-benchmark:2027-02/before-1d', 3, 'b2b-220002', 'monthly-benchmark', 'monthly-benchmark:2027-02', 'before-1d', '2027-01-22 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (120, '3/monthly-benchmark:2027-02/before-7d', 3, 'b2b-220002', 'monthly-benchmark', 'monthly-benchmark:2027-02', 'before-7d', '2027-01-18 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (121, '3/monthly-benchmark:2027-02/opens', 3, 'b2b-220002', 'monthly-benchmark', 'monthly-benchmark:2027-02', 'opens', '2027-01-15 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (122, '3/monthly-core-promotion:2027-01/before-1d', 3, 'b2b-220002', 'monthly-core-promotion', 'monthly-core-promotion:2027-01', 'before-1d', '2026-12-24 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (123, '3/monthly-core-promotion:2027-01/before-7d', 3, 'b2b-220002', 'monthly-core-promotion', 'monthly-core-promotion:2027-01', 'before-7d', '2026-12-18 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (125, '3/monthly-core-promotion:2027-02/before-1d', 3, 'b2b-220002', 'monthly-core-promotion', 'monthly-core-promotion:2027-02', 'before-1d', '2027-01-22 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (126, '3/monthly-core-promotion:2027-02/before-7d', 3, 'b2b-220002', 'monthly-core-promotion', 'monthly-core-promotion:2027-02', 'before-7d', '2027-01-18 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (127, '3/monthly-core-promotion:2027-02/opens', 3, 'b2b-220002', 'monthly-core-promotion', 'monthly-core-promotion:2027-02', 'opens', '2027-01-15 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (128, '3/monthly-hot-items:2027-01/before-1d', 3, 'b2b-220002', 'monthly-hot-items', 'monthly-hot-items:2027-01', 'before-1d', '2026-12-24 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (129, '3/monthly-hot-items:2027-01/before-7d', 3, 'b2b-220002', 'monthly-hot-items', 'monthly-hot-items:2027-01', 'before-7d', '2026-12-18 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (131, '3/monthly-hot-items:2027-02/before-1d', 3, 'b2b-220002', 'monthly-hot-items', 'monthly-hot-items:2027-02', 'before-1d', '2027-01-22 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (132, '3/monthly-hot-items:2027-02/before-7d', 3, 'b2b-220002', 'monthly-hot-items', 'monthly-hot-items:2027-02', 'before-7d', '2027-01-18 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (133, '3/monthly-hot-items:2027-02/opens', 3, 'b2b-220002', 'monthly-hot-items', 'monthly-hot-items:2027-02', 'opens', '2027-01-15 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (134, '3/monthly-origin:2027-01/before-1d', 3, 'b2b-220002', 'monthly-origin', 'monthly-origin:2027-01', 'before-1d', '2026-12-24 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (135, '3/monthly-origin:2027-01/before-7d', 3, 'b2b-220002', 'monthly-origin', 'monthly-origin:2027-01', 'before-7d', '2026-12-18 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (137, '3/monthly-origin:2027-02/before-1d', 3, 'b2b-220002', 'monthly-origin', 'monthly-origin:2027-02', 'before-1d', '2027-01-22 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (138, '3/monthly-origin:2027-02/before-7d', 3, 'b2b-220002', 'monthly-origin', 'monthly-origin:2027-02', 'before-7d', '2027-01-18 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (139, '3/monthly-origin:2027-02/opens', 3, 'b2b-220002', 'monthly-origin', 'monthly-origin:2027-02', 'opens', '2027-01-15 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (140, '3/monthly-sales:2027-01/before-1d', 3, 'b2b-220002', 'monthly-sales', 'monthly-sales:2027-01', 'before-1d', '2026-12-24 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (141, '3/monthly-sales:2027-01/before-7d', 3, 'b2b-220002', 'monthly-sales', 'monthly-sales:2027-01', 'before-7d', '2026-12-18 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (143, '3/monthly-sales:2027-02/before-1d', 3, 'b2b-220002', 'monthly-sales', 'monthly-sales:2027-02', 'before-1d', '2027-01-22 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (144, '3/monthly-sales:2027-02/before-7d', 3, 'b2b-220002', 'monthly-sales', 'monthly-sales:2027-02', 'before-7d', '2027-01-18 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (145, '3/monthly-sales:2027-02/opens', 3, 'b2b-220002', 'monthly-sales', 'monthly-sales:2027-02', 'opens', '2027-01-15 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (146, '3/monthly-top-sellers:2027-01/before-1d', 3, 'b2b-220002', 'monthly-top-sellers', 'monthly-top-sellers:2027-01', 'before-1d', '2026-12-24 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (147, '3/monthly-top-sellers:2027-01/before-7d', 3, 'b2b-220002', 'monthly-top-sellers', 'monthly-top-sellers:2027-01', 'before-7d', '2026-12-18 01:00:00+00', '2026-12-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (149, '3/monthly-top-sellers:2027-02/before-1d', 3, 'b2b-220002', 'monthly-top-sellers', 'monthly-top-sellers:2027-02', 'before-1d', '2027-01-22 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (150, '3/monthly-top-sellers:2027-02/before-7d', 3, 'b2b-220002', 'monthly-top-sellers', 'monthly-top-sellers:2027-02', 'before-7d', '2027-01-18 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (151, '3/monthly-top-sellers:2027-02/opens', 3, 'b2b-220002', 'monthly-top-sellers', 'monthly-top-sellers:2027-02', 'opens', '2027-01-15 01:00:00+00', '2027-01-25 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (152, '3/promo-327:2027/opens', 3, 'b2b-220002', 'promo-327', 'promo-327:2027', 'opens', '2027-02-10 01:00:00+00', '2027-03-07 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (153, '3/promo-327:2027/prepare', 3, 'b2b-220002', 'promo-327', 'promo-327:2027', 'prepare', '2027-02-08 01:00:00+00', '2027-03-07 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (154, '3/quarterly-clearance:2027-Q1/before-1d', 3, 'b2b-220002', 'quarterly-clearance', 'quarterly-clearance:2027-Q1', 'before-1d', '2027-01-08 01:00:00+00', '2027-01-10 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (155, '3/quarterly-clearance:2027-Q1/opens', 3, 'b2b-220002', 'quarterly-clearance', 'quarterly-clearance:2027-Q1', 'opens', '2027-01-01 01:00:00+00', '2027-01-10 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (156, '3/quarterly-hot-sellers:2027-Q1/before-1d', 3, 'b2b-220002', 'quarterly-hot-sellers', 'quarterly-hot-sellers:2027-Q1', 'before-1d', '2027-01-08 01:00:00+00', '2027-01-10 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (157, '3/quarterly-hot-sellers:2027-Q1/opens', 3, 'b2b-220002', 'quarterly-hot-sellers', 'quarterly-hot-sellers:2027-Q1', 'opens', '2027-01-01 01:00:00+00', '2027-01-10 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (158, '3/quarterly-new-arrivals:2027-Q1/before-1d', 3, 'b2b-220002', 'quarterly-new-arrivals', 'quarterly-new-arrivals:2027-Q1', 'before-1d', '2027-01-08 01:00:00+00', '2027-01-10 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (159, '3/quarterly-new-arrivals:2027-Q1/opens', 3, 'b2b-220002', 'quarterly-new-arrivals', 'quarterly-new-arrivals:2027-Q1', 'opens', '2027-01-01 01:00:00+00', '2027-01-10 16:00:00+00', 'pending', NULL, NULL, 0, NULL, NULL);
INSERT INTO public.reminders VALUES (107, '3/digest:2026-W51/digest', 3, 'b2b-220002', 'daily', 'digest:2026-W51', 'digest', '2026-12-14 01:00:00+00', '2026-12-20 16:00:00+00', 'sent', NULL, NULL, 1, '<5bc610651c78118f6cef9501cd6c38d4@127.0.0.1>', '2026-12-15 02:00:00+00');
INSERT INTO public.reminders VALUES (54, '2/digest:2026-W51/digest', 2, 'b2b-220001', 'daily', 'digest:2026-W51', 'digest', '2026-12-14 01:00:00+00', '2026-12-20 16:00:00+00', 'sent', NULL, NULL, 1, '<cb8c04f7eee925059a0d8bc9c13db7ae@127.0.0.1>', '2026-12-15 02:00:00+00');
INSERT INTO public.reminders VALUES (1, '1/digest:2026-W51/digest', 1, 'b2b-220011', 'daily', 'digest:2026-W51', 'digest', '2026-12-14 01:00:00+00', '2026-12-20 16:00:00+00', 'sent', NULL, NULL, 1, '<fba678b33d1d2f3b9e2bde24a0152179@127.0.0.1>', '2026-12-15 02:00:00+00');
INSERT INTO public.reminders VALUES (24, '1/monthly-hot-items:2027-01/opens', 1, 'b2b-220011', 'monthly-hot-items', 'monthly-hot-items:2027-01', 'opens', '2026-12-15 01:00:00+00', '2026-12-25 16:00:00+00', 'sent', NULL, NULL, 1, '<380002b3e47dec6a309fb52d7caeabc2@127.0.0.1>', '2026-12-15 02:00:00+00');
INSERT INTO public.reminders VALUES (30, '1/monthly-origin:2027-01/opens', 1, 'b2b-220011', 'monthly-origin', 'monthly-origin:2027-01', 'opens', '2026-12-15 01:00:00+00', '2026-12-25 16:00:00+00', 'sent', NULL, NULL, 1, '<a7ecd7e12e2df3bff9c1559f5bad68ee@127.0.0.1>', '2026-12-15 02:00:00+00');
INSERT INTO public.reminders VALUES (36, '1/monthly-sales:2027-01/opens', 1, 'b2b-220011', 'monthly-sales', 'monthly-sales:2027-01', 'opens', '2026-12-15 01:00:00+00', '2026-12-25 16:00:00+00', 'sent', NULL, NULL, 1, '<f288137c3349cce3290abf5398e947bc@127.0.0.1>', '2026-12-15 02:00:00+00');
INSERT INTO public.reminders VALUES (42, '1/monthly-top-sellers:2027-01/opens', 1, 'b2b-220011', 'monthly-top-sellers', 'monthly-top-sellers:2027-01', 'opens', '2026-12-15 01:00:00+00', '2026-12-25 16:00:00+00', 'sent', NULL, NULL, 1, '<f374e6353ca1d37caee7a80531179814@127.0.0.1>', '2026-12-15 02:00:00+00');
INSERT INTO public.reminders VALUES (65, '2/monthly-benchmark:2027-01/opens', 2, 'b2b-220001', 'monthly-benchmark', 'monthly-benchmark:2027-01', 'opens', '2026-12-15 01:00:00+00', '2026-12-25 16:00:00+00', 'sent', NULL, NULL, 1, '<e9ed240606fbc95ee2a4fbde28e28f62@127.0.0.1>', '2026-12-15 02:00:00+00');
INSERT INTO public.reminders VALUES (71, '2/monthly-core-promotion:2027-01/opens', 2, 'b2b-220001', 'monthly-core-promotion', 'monthly-core-promotion:2027-01', 'opens', '2026-12-15 01:00:00+00', '2026-12-25 16:00:00+00', 'sent', NULL, NULL, 1, '<7abdd7e6222cf381827d44617c163b02@127.0.0.1>', '2026-12-15 02:00:00+00');
INSERT INTO public.reminders VALUES (77, '2/monthly-hot-items:2027-01/opens', 2, 'b2b-220001', 'monthly-hot-items', 'monthly-hot-items:2027-01', 'opens', '2026-12-15 01:00:00+00', '2026-12-25 16:00:00+00', 'sent', NULL, NULL, 1, '<59d3ee78bdd3c942dd310b85ccda47e6@127.0.0.1>', '2026-12-15 02:00:00+00');
INSERT INTO public.reminders VALUES (83, '2/monthly-origin:2027-01/opens', 2, 'b2b-220001', 'monthly-origin', 'monthly-origin:2027-01', 'opens', '2026-12-15 01:00:00+00', '2026-12-25 16:00:00+00', 'sent', NULL, NULL, 1, '<93826214858da16aeade5855428a1805@127.0.0.1>', '2026-12-15 02:00:00+00');
INSERT INTO public.reminders VALUES (89, '2/monthly-sales:2027-01/opens', 2, 'b2b-220001', 'monthly-sales', 'monthly-sales:2027-01', 'opens', '2026-12-15 01:00:00+00', '2026-12-25 16:00:00+00', 'sent', NULL, NULL, 1, '<1d1ff98cdcff18bdd4fae1161e446eee@127.0.0.1>', '2026-12-15 02:00:00+00');
INSERT INTO public.reminders VALUES (95, '2/monthly-top-sellers:2027-01/opens', 2, 'b2b-220001', 'monthly-top-sellers', 'monthly-top-sellers:2027-01', 'opens', '2026-12-15 01:00:00+00', '2026-12-25 16:00:00+00', 'sent', NULL, NULL, 1, '<f1ca6c0402b672d85e6e8d369ac7c511@127.0.0.1>', '2026-12-15 02:00:00+00');
INSERT INTO public.reminders VALUES (118, '3/monthly-benchmark:2027-01/opens', 3, 'b2b-220002', 'monthly-benchmark', 'monthly-benchmark:2027-01', 'opens', '2026-12-15 01:00:00+00', '2026-12-25 16:00:00+00', 'sent', NULL, NULL, 1, '<72327a00093966d2877e6899f4af641b@127.0.0.1>', '2026-12-15 02:00:00+00');
INSERT INTO public.reminders VALUES (124, '3/monthly-core-promotion:2027-01/opens', 3, 'b2b-220002', 'monthly-core-promotion', 'monthly-core-promotion:2027-01', 'opens', '2026-12-15 01:00:00+00', '2026-12-25 16:00:00+00', 'sent', NULL, NULL, 1, '<6064a8ac1d578316d4466db08bdbbcc5@127.0.0.1>', '2026-12-15 02:00:00+00');
INSERT INTO public.reminders VALUES (130, '3/monthly-hot-items:2027-01/opens', 3, 'b2b-220002', 'monthly-hot-items', 'monthly-hot-items:2027-01', 'opens', '2026-12-15 01:00:00+00', '2026-12-25 16:00:00+00', 'sent', NULL, NULL, 1, '<8e6c47e6cf36f1ef70f4a6df9cea7674@127.0.0.1>', '2026-12-15 02:00:00+00');
INSERT INTO public.reminders VALUES (136, '3/monthly-origin:2027-01/opens', 3, 'b2b-220002', 'monthly-origin', 'monthly-origin:2027-01', 'opens', '2026-12-15 01:00:00+00', '2026-12-25 16:00:00+00', 'sent', NULL, NULL, 1, '<b50b5e428c354e86405796e6ddfd2e5d@127.0.0.1>', '2026-12-15 02:00:00+00');
INSERT INTO public.reminders VALUES (148, '3/monthly-top-sellers:2027-01/opens', 3, 'b2b-220002', 'monthly-top-sellers', 'monthly-top-sellers:2027-01', 'opens', '2026-12-15 01:00:00+00', '2026-12-25 16:00:00+00', 'sent', NULL, NULL, 1, '<998093a2f8fb8e1d589c9c9a4f39847d@127.0.0.1>', '2026-12-15 02:00:00+00');
INSERT INTO public.reminders VALUES (12, '1/monthly-benchmark:2027-01/opens', 1, 'b2b-220011', 'monthly-benchmark', 'monthly-benchmark:2027-01', 'opens', '2026-12-15 01:00:00+00', '2026-12-25 16:00:00+00', 'sent', NULL, NULL, 1, '<ce6aba5b7dfb89e0c7b5680362b9a0c9@127.0.0.1>', '2026-12-15 02:00:00+00');
INSERT INTO public.reminders VALUES (18, '1/monthly-core-promotion:2027-01/opens', 1, 'b2b-220011', 'monthly-core-promotion', 'monthly-core-promotion:2027-01', 'opens', '2026-12-15 01:00:00+00', '2026-12-25 16:00:00+00', 'sent', NULL, NULL, 1, '<8f1080a9aa69ef5fbf93f941742848ce@127.0.0.1>', '2026-12-15 02:00:00+00');
INSERT INTO public.reminders VALUES (142, '3/monthly-sales:2027-01/opens', 3, 'b2b-220002', 'monthly-sales', 'monthly-sales:2027-01', 'opens', '2026-12-15 01:00:00+00', '2026-12-25 16:00:00+00', 'sent', NULL, NULL, 1, '<a08f884f476e75d2c7c7048c044eebde@127.0.0.1>', '2026-12-15 02:00:00+00');


--
-- Data for Name: store_snapshots; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.store_snapshots VALUES (1, 'b2b-220001', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '6e722c4b8da6d548552aaa2417ad590f01574399791e63990bdd0946903563b5', '温州市盛源服装有限公司', '2022-06-16', 4, 4.900000, 308, 324, 52433.000000, 64, '24h', true, true, true, true, 0, 0.000000, 43.000000, '温州鞋服产业带', 11060.000000, 74447.000000, 'shop01@example.com');
INSERT INTO public.store_snapshots VALUES (2, 'b2b-220001', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'a938b4a215b0dc2845b13150014964a76b871046d9373f214c5b202130a4dd5e', '温州市盛源服装有限公司', '2022-06-16', 4, 4.900000, 308, 338, 58987.000000, 72, '24h', true, true, true, true, 0, 0.000000, 43.000000, '温州鞋服产业带', 11060.000000, 74447.000000, 'shop01@example.com');
INSERT INTO public.store_snapshots VALUES (3, 'b2b-220001', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '545fe0b7fe515122f1f9a53ac3e0ff648f49a61112457bd8970d9de153895104', '温州市盛源服装有限公司', '2022-06-16', 4, 4.900000, 308, 330, 65542.000000, 80, '24h', true, true, true, true, 0, 0.000000, 43.000000, '温州鞋服产业带', 11060.000000, 74447.000000, 'shop01@example.com');
INSERT INTO public.store_snapshots VALUES (4, 'b2b-220002', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'fc4f9aad31563ac13434cfe47e4d3f43b8591cde68e767e5fbede02227ac0c17', '东莞市鑫通鞋业有限公司', '2022-01-12', 4, 4.600000, 389, 414, 40219.000000, 30, '48h', true, true, true, true, 0, 0.000000, 75.000000, '东莞玩具产业带', 4629.000000, 40584.000000, 'shop02@example.com');
INSERT INTO public.store_snapshots VALUES (5, 'b2b-220002', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '4625c4eb15a37a93bcc4a7d418b5081d3e45d48f5aeb98e50f0244e09793af42', '东莞市鑫通鞋业有限公司', '2022-01-12', 4, 4.600000, 389, 401, 45246.000000, 34, '48h', true, true, true, true, 0, 0.000000, 75.000000, '东莞玩具产业带', 4629.000000, 40584.000000, 'shop02@example.com');
INSERT INTO public.store_snapshots VALUES (6, 'b2b-220002', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'e39d2dffbc5f96c4c7c77bc5da9b748b575f7197ef58786a7c65d8ca93645fe9', '东莞市鑫通鞋业有限公司', '2022-01-12', 4, 4.600000, 389, 398, 50274.000000, 38, '48h', true, true, true, true, 0, 0.000000, 75.000000, '东莞玩具产业带', 4629.000000, 40584.000000, 'shop02@example.com');
INSERT INTO public.store_snapshots VALUES (7, 'b2b-220003', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'c269e1cebc814b313acf6e394c7c85924ff84d1574354be24ec3d82a9e2c027a', '佛山华美玩具有限公司', '2023-06-19', 4, 4.800000, 324, 340, 61402.000000, 82, '24h', true, true, true, true, 0, 0.000000, 45.000000, '佛山家电产业带', 4280.000000, 39449.000000, 'shop03@example.com');
INSERT INTO public.store_snapshots VALUES (8, 'b2b-220003', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '871bd4db45b030b4a85b51ac533b8ec61551a6d4bf3072b1fe8f93fb7ec22b06', '佛山华美玩具有限公司', '2023-06-19', 4, 4.800000, 324, 353, 69077.000000, 92, '24h', true, true, true, true, 0, 0.000000, 45.000000, '佛山家电产业带', 4280.000000, 39449.000000, 'shop03@example.com');
INSERT INTO public.store_snapshots VALUES (9, 'b2b-220003', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '7526c0e13ca43d9ac0f72f6ca970647781358692484e492f04bc3508f43235ab', '佛山华美玩具有限公司', '2023-06-19', 4, 4.800000, 324, 339, 76753.000000, 103, '24h', true, true, true, true, 0, 0.000000, 45.000000, '佛山家电产业带', 4280.000000, 39449.000000, 'shop03@example.com');
INSERT INTO public.store_snapshots VALUES (10, 'b2b-220004', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '7b9717acc5a1cd234e933d7570cb942b7d455a50721ba44328eb1054786fffff', '汕头市悦佳五金工具有限公司', '2023-10-07', 4, 5.000000, 241, 256, 65023.000000, 42, '24h', true, true, true, true, 0, 0.000000, 47.000000, '澄海玩具产业带', 26429.000000, 75478.000000, 'shop04@example.com');
INSERT INTO public.store_snapshots VALUES (11, 'b2b-220004', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '69d4b42ebb6f4308dd72afe6d6a05fbe77f9254091eab7ca469d101e27211062', '汕头市悦佳五金工具有限公司', '2023-10-07', 4, 5.000000, 241, 251, 73151.000000, 47, '24h', true, true, true, true, 0, 0.000000, 47.000000, '澄海玩具产业带', 26429.000000, 75478.000000, 'shop04@example.com');
INSERT INTO public.store_snapshots VALUES (12, 'b2b-220004', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '416ac495e2b5c4d025d0233fc5af8634073f036becf391d142450ec41692547f', '汕头市悦佳五金工具有限公司', '2023-10-07', 4, 5.000000, 241, 261, 81279.000000, 53, '24h', true, true, true, true, 0, 0.000000, 47.000000, '澄海玩具产业带', 26429.000000, 75478.000000, 'shop04@example.com');
INSERT INTO public.store_snapshots VALUES (13, 'b2b-220005', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '539845fdb2a923cb15fa1c2f6a4243cce7e43549a4872f03dc0cae591dbc151e', '泉州市锦达小家电有限公司', '2024-10-18', 3, 4.500000, 300, 321, 48075.000000, 83, '24h', true, true, true, true, 0, 0.000000, 60.000000, NULL, 7833.000000, 17232.000000, 'shop05@example.com');
INSERT INTO public.store_snapshots VALUES (14, 'b2b-220005', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'aa4a64430bcf98cd3d9f1835e6a50e50ebed696a80ae99dd8e7af14096bbf772', '泉州市锦达小家电有限公司', '2024-10-18', 3, 4.500000, 300, 325, 54084.000000, 93, '24h', true, true, true, true, 0, 0.000000, 60.000000, NULL, 7833.000000, 17232.000000, 'shop05@example.com');
INSERT INTO public.store_snapshots VALUES (15, 'b2b-220005', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '216d526c1fa12160544b9a10812ad442394d3933e117ed57f01c111c46b3b5e4', '泉州市锦达小家电有限公司', '2024-10-18', 3, 4.500000, 300, 330, 60094.000000, 104, '24h', true, true, true, true, 0, 0.000000, 60.000000, NULL, 7833.000000, 17232.000000, 'shop05@example.com');
INSERT INTO public.store_snapshots VALUES (16, 'b2b-220006', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '1311766578c53a5b62129b872988212ecfc501b0a2b533245acc0451212819b8', '晋江恒源日用百货有限公司', '2024-10-07', 5, 4.500000, 159, 166, 33534.000000, 96, '48h', true, true, true, true, 0, 0.000000, 90.000000, NULL, 4951.000000, 19175.000000, 'shop06@example.com');
INSERT INTO public.store_snapshots VALUES (17, 'b2b-220006', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '54d8c8bcfbde6d3e912eea84601620ed3fe8f0a126351e47e302e8b90bf76807', '晋江恒源日用百货有限公司', '2024-10-07', 5, 4.500000, 159, 164, 37726.000000, 108, '48h', true, true, true, true, 0, 0.000000, 90.000000, NULL, 4951.000000, 19175.000000, 'shop06@example.com');
INSERT INTO public.store_snapshots VALUES (18, 'b2b-220006', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '7ef669643926d2afbda663b0e82659be7852a9b284bb1097227abfd16fcba89a', '晋江恒源日用百货有限公司', '2024-10-07', 5, 4.500000, 159, 162, 41918.000000, 120, '48h', true, true, true, true, 0, 0.000000, 90.000000, NULL, 4951.000000, 19175.000000, 'shop06@example.com');
INSERT INTO public.store_snapshots VALUES (19, 'b2b-220007', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'c3227b52eedc0ee09a5e96bb74924831c2c2fff8ee120e34a54f05a353b45673', '永康市盛通服装有限公司', '2022-01-12', 4, 4.400000, 363, 366, 34751.000000, 65, '48h', true, true, true, true, 0, 0.000000, 64.000000, '永康五金产业带', 25183.000000, 56551.000000, 'shop07@example.com');
INSERT INTO public.store_snapshots VALUES (20, 'b2b-220007', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'e405fd9c38b892765709cd79c5ee3b0a0d25b3033255d059d4f488551fab051c', '永康市盛通服装有限公司', '2022-01-12', 4, 4.400000, 363, 369, 39095.000000, 73, '48h', true, true, true, true, 0, 0.000000, 64.000000, '永康五金产业带', 25183.000000, 56551.000000, 'shop07@example.com');
INSERT INTO public.store_snapshots VALUES (21, 'b2b-220007', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '73a2c96f651a08472c5608d36afb3dbd3e8915e11faacf46524c344420a5e4f6', '永康市盛通服装有限公司', '2022-01-12', 4, 4.400000, 363, 369, 43439.000000, 82, '48h', true, true, true, true, 0, 0.000000, 64.000000, '永康五金产业带', 25183.000000, 56551.000000, 'shop07@example.com');
INSERT INTO public.store_snapshots VALUES (22, 'b2b-220008', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '87084845706eec7d979e4ef3f99469ac4b6b6be8380ca982bc729800fe4c67d0', '临沂市鑫美鞋业有限公司', '2021-03-09', 5, 4.500000, 101, 112, 63917.000000, 24, '24h', true, true, true, true, 0, 0.000000, 41.000000, NULL, 12492.000000, 79413.000000, 'shop08@example.com');
INSERT INTO public.store_snapshots VALUES (23, 'b2b-220008', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'ee1025a1e07f8694e3a4df7362dbd6d11b7f1046f2f5464c70049648bdfe51cc', '临沂市鑫美鞋业有限公司', '2021-03-09', 5, 4.500000, 101, 116, 71907.000000, 27, '24h', true, true, true, true, 0, 0.000000, 41.000000, NULL, 12492.000000, 79413.000000, 'shop08@example.com');
INSERT INTO public.store_snapshots VALUES (24, 'b2b-220008', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '5654edd896275a0e83544561dd5d7cbfc1fd9ae9b3a8657a221dd8c5846f433f', '临沂市鑫美鞋业有限公司', '2021-03-09', 5, 4.500000, 101, 123, 79897.000000, 31, '24h', true, true, true, true, 0, 0.000000, 41.000000, NULL, 12492.000000, 79413.000000, 'shop08@example.com');
INSERT INTO public.store_snapshots VALUES (25, 'b2b-220009', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'e8a164c1a30da15d480e956e4c08497c7b0f3290660bd47641407c2b5960c959', '杭州华佳玩具有限公司', '2020-08-12', 4, 4.300000, 192, 220, 68697.000000, 50, '24h', true, true, true, true, 0, 0.000000, 88.000000, NULL, 8003.000000, 52.000000, 'shop09@example.com');
INSERT INTO public.store_snapshots VALUES (26, 'b2b-220009', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '9b08e9f61760160c0d1ba90ea21a0f4665f7065ab522fbc20064c2beaf38f9f7', '杭州华佳玩具有限公司', '2020-08-12', 4, 4.300000, 192, 211, 77284.000000, 56, '24h', true, true, true, true, 0, 0.000000, 88.000000, NULL, 8003.000000, 52.000000, 'shop09@example.com');
INSERT INTO public.store_snapshots VALUES (27, 'b2b-220009', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'ee88bc7fb71a3d9fa206fb277692d4365c4ead65efa10d86ce1cd662843a8cf8', '杭州华佳玩具有限公司', '2020-08-12', 4, 4.300000, 192, 204, 85872.000000, 63, '24h', true, true, true, true, 0, 0.000000, 88.000000, NULL, 8003.000000, 52.000000, 'shop09@example.com');
INSERT INTO public.store_snapshots VALUES (28, 'b2b-220010', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'd0b7fafa4318f62a31028e75118ff8c558c8f4ef932eb6bfb8fd146c05b282eb', '广州市悦达五金工具有限公司', '2025-05-02', 3, 4.500000, 62, 80, 69253.000000, 54, '24h', true, true, true, true, 0, 0.000000, 73.000000, NULL, 22789.000000, 38915.000000, 'shop10@example.com');
INSERT INTO public.store_snapshots VALUES (29, 'b2b-220010', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'a81c4a8bae89e1244c6e889d29b7e0ea497d088a0bb3eccdf830ad04f32cc16f', '广州市悦达五金工具有限公司', '2025-05-02', 3, 4.500000, 62, 71, 77910.000000, 61, '24h', true, true, true, true, 0, 0.000000, 73.000000, NULL, 22789.000000, 38915.000000, 'shop10@example.com');
INSERT INTO public.store_snapshots VALUES (30, 'b2b-220010', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '1a5ee44a61c86bf5f3ca524963be666e0ed0a93bb64ee40b230a6bd3c70c2de4', '广州市悦达五金工具有限公司', '2025-05-02', 3, 4.500000, 62, 67, 86567.000000, 68, '24h', true, true, true, true, 0, 0.000000, 73.000000, NULL, 22789.000000, 38915.000000, 'shop10@example.com');
INSERT INTO public.store_snapshots VALUES (31, 'b2b-220011', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '00ee434223f07bfd93cafeca35c023d9da56be2d6eecc667267c1eb98dac9482', '深圳市锦源小家电有限公司', '2023-11-22', 3, 4.700000, 352, 359, 71101.000000, 9, '48h', true, true, true, true, 0, 0.000000, 63.000000, NULL, 49.000000, 3367.000000, 'shop11@example.com');
INSERT INTO public.store_snapshots VALUES (32, 'b2b-220011', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'acb122d894112d9bd1dd85727724bc699b524ed3e651d40c7c3eac9943fd2c45', '深圳市锦源小家电有限公司', '2023-11-22', 3, 4.700000, 352, 380, 79989.000000, 10, '48h', true, true, true, true, 0, 0.000000, 63.000000, NULL, 49.000000, 3367.000000, 'shop11@example.com');
INSERT INTO public.store_snapshots VALUES (33, 'b2b-220011', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '3dafe226168f0ac3f40df323baaa3986a3bc8e34e95f8ad885535feee491a69d', '深圳市锦源小家电有限公司', '2023-11-22', 3, 4.700000, 352, 375, 88877.000000, 12, '48h', true, true, true, true, 0, 0.000000, 63.000000, NULL, 49.000000, 3367.000000, 'shop11@example.com');
INSERT INTO public.store_snapshots VALUES (34, 'b2b-220012', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'b61540734dd1516c4786cfe5cd9b27ccef9860b3b16abbced68f14417a40c289', '义乌恒通日用百货有限公司', '2021-02-05', 2, 4.300000, 169, 173, 50191.000000, 32, '48h', true, true, true, true, 0, 0.000000, 42.000000, '义乌小商品产业带', 11097.000000, 15613.000000, 'shop12@example.com');
INSERT INTO public.store_snapshots VALUES (35, 'b2b-220012', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'ecc8fd118ff78a71cabba52c46d1cd2d7ecdb587336e0b037c978cd4c5d92ab5', '义乌恒通日用百货有限公司', '2021-02-05', 2, 4.300000, 169, 172, 56465.000000, 36, '48h', true, true, true, true, 0, 0.000000, 42.000000, '义乌小商品产业带', 11097.000000, 15613.000000, 'shop12@example.com');
INSERT INTO public.store_snapshots VALUES (36, 'b2b-220012', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'b6b098038a45b05a2f5dc9dc00d7992116367712b350539292a2977be335e25e', '义乌恒通日用百货有限公司', '2021-02-05', 2, 4.300000, 169, 191, 62739.000000, 40, '48h', true, true, true, true, 0, 0.000000, 42.000000, '义乌小商品产业带', 11097.000000, 15613.000000, 'shop12@example.com');
INSERT INTO public.store_snapshots VALUES (37, 'b2b-220013', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '64e98bc8065fd631da761bdd266d0e3b617874375880a0165dd6e490d3de580d', '温州市盛美服装有限公司', '2024-02-25', 5, 4.700000, 75, 75, 33303.000000, 80, '72h', true, true, true, true, 0, 0.000000, 43.000000, '温州鞋服产业带', 18408.000000, 50635.000000, 'shop13@example.com');
INSERT INTO public.store_snapshots VALUES (38, 'b2b-220013', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '07f4318eb2300ac84805a67e0b9466e1663fdf145fc8cf67aec8ffca93d598dd', '温州市盛美服装有限公司', '2024-02-25', 5, 4.700000, 75, 82, 37466.000000, 90, '72h', true, true, true, true, 0, 0.000000, 43.000000, '温州鞋服产业带', 18408.000000, 50635.000000, 'shop13@example.com');
INSERT INTO public.store_snapshots VALUES (39, 'b2b-220013', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'a32efce6ecbf574413636f46c8f66e859c01b8adfd513fee999c085574bd56c9', '温州市盛美服装有限公司', '2024-02-25', 5, 4.700000, 75, 82, 41629.000000, 101, '72h', true, true, true, true, 0, 0.000000, 43.000000, '温州鞋服产业带', 18408.000000, 50635.000000, 'shop13@example.com');
INSERT INTO public.store_snapshots VALUES (40, 'b2b-220014', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '17b7df6e97a2189878dbba04f3e809f2773c59bab6ee42e78dfa11106f775394', '东莞市鑫佳鞋业有限公司', '2026-09-11', 4, 4.500000, 335, 358, 29320.000000, 56, '48h', true, true, true, true, 0, 0.000000, 79.000000, '东莞玩具产业带', 29279.000000, 24744.000000, 'shop14@example.com');
INSERT INTO public.store_snapshots VALUES (41, 'b2b-220014', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '45dad374de8a89b5dc88db9277c26b2923201fd0c5f9a1b915f20b9a4c1c1ad5', '东莞市鑫佳鞋业有限公司', '2026-09-11', 4, 4.500000, 335, 338, 32985.000000, 63, '48h', true, true, true, true, 0, 0.000000, 79.000000, '东莞玩具产业带', 29279.000000, 24744.000000, 'shop14@example.com');
INSERT INTO public.store_snapshots VALUES (42, 'b2b-220014', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '7fa535d38da9af612888767d5871b1946866f3d2d7f2f7a22bc99ba3786347ab', '东莞市鑫佳鞋业有限公司', '2026-09-11', 4, 4.500000, 335, 351, 36650.000000, 70, '48h', true, true, true, true, 0, 0.000000, 79.000000, '东莞玩具产业带', 29279.000000, 24744.000000, 'shop14@example.com');
INSERT INTO public.store_snapshots VALUES (43, 'b2b-220015', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '06c18278f6d86b8546f9d8abd27ace58048a56de65e1983863836c011dcf0859', '佛山华达玩具有限公司', '2023-07-03', 5, 4.600000, 320, 323, 61557.000000, 53, '24h', true, true, true, true, 3, 0.000300, 70.000000, '佛山家电产业带', 4336.000000, 34729.000000, 'shop15@example.com');
INSERT INTO public.store_snapshots VALUES (44, 'b2b-220015', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '39693ed42f6ef150ab9a6734eb5b2bdee279debc5d6f5dba7ea94ea0790bfbfb', '佛山华达玩具有限公司', '2023-07-03', 5, 4.600000, 320, 342, 69252.000000, 60, '24h', true, true, true, true, 3, 0.000300, 70.000000, '佛山家电产业带', 4336.000000, 34729.000000, 'shop15@example.com');
INSERT INTO public.store_snapshots VALUES (45, 'b2b-220015', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'c063afd37a34391c80d39d7bca116f404f8ad7dde12e48908e83a9fb1e984b9c', '佛山华达玩具有限公司', '2023-07-03', 5, 4.600000, 320, 336, 76947.000000, 67, '24h', true, true, true, true, 3, 0.000300, 70.000000, '佛山家电产业带', 4336.000000, 34729.000000, 'shop15@example.com');
INSERT INTO public.store_snapshots VALUES (46, 'b2b-220016', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '827f6f039f85a7d3def680d5764b67ca29a0bb2921967a0e3778764db6550613', '汕头市悦源五金工具有限公司', '2023-07-06', 4, 4.700000, 296, 314, 59560.000000, 48, '24h', true, true, true, true, 1, 0.000200, 82.000000, '澄海玩具产业带', 41820.000000, 28118.000000, 'shop16@example.com');
INSERT INTO public.store_snapshots VALUES (47, 'b2b-220016', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'c6046ad465f3c5152667d454cfe78b3d6e4573bc72aa680c7cbdd711f5c0f1b4', '汕头市悦源五金工具有限公司', '2023-07-06', 4, 4.700000, 296, 308, 67005.000000, 54, '24h', true, true, true, true, 1, 0.000200, 82.000000, '澄海玩具产业带', 41820.000000, 28118.000000, 'shop16@example.com');
INSERT INTO public.store_snapshots VALUES (48, 'b2b-220016', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '00692659f7ab3df2b46e9e53fce081854152a3c1a023539cdcae46ff6a726a57', '汕头市悦源五金工具有限公司', '2023-07-06', 4, 4.700000, 296, 323, 74451.000000, 61, '24h', true, true, true, true, 1, 0.000200, 82.000000, '澄海玩具产业带', 41820.000000, 28118.000000, 'shop16@example.com');
INSERT INTO public.store_snapshots VALUES (49, 'b2b-220017', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'd2337c6ea0c03e1aa054b1b3044b9e5363b06b90ce7374e5636cc66cacadd03f', '泉州市锦通小家电有限公司', '2024-09-06', 4, 3.600000, 210, 220, 66854.000000, 52, '24h', true, true, true, true, 0, 0.000000, 47.000000, NULL, 49952.000000, 30018.000000, 'shop17@example.com');
INSERT INTO public.store_snapshots VALUES (50, 'b2b-220017', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '83d665cb49d095db1bc3e20df708afc82d5b97637e4f76d90a03732a1e1e7e54', '泉州市锦通小家电有限公司', '2024-09-06', 4, 3.600000, 210, 224, 75211.000000, 59, '24h', true, true, true, true, 0, 0.000000, 47.000000, NULL, 49952.000000, 30018.000000, 'shop17@example.com');
INSERT INTO public.store_snapshots VALUES (51, 'b2b-220017', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '35405d21e38e4a2c65eee21e91f440e4dcb1ea94d6ea052f3708f1d709701a1d', '泉州市锦通小家电有限公司', '2024-09-06', 4, 3.600000, 210, 216, 83568.000000, 66, '24h', true, true, true, true, 0, 0.000000, 47.000000, NULL, 49952.000000, 30018.000000, 'shop17@example.com');
INSERT INTO public.store_snapshots VALUES (52, 'b2b-220018', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '413c1cf9f3c31e8accc1cf017861a01dad6294063efea7f74bd00994ea9caa70', '晋江恒美日用百货有限公司', '2022-05-22', 4, 4.300000, 12, 23, 30196.000000, 93, '24h', true, true, true, true, 0, 0.000000, 81.000000, NULL, 4556.000000, 57016.000000, 'shop18@example.com');
INSERT INTO public.store_snapshots VALUES (53, 'b2b-220018', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '1803669ea130a4cb286858f6d53c3edb04300dc209b7c343181dfc61cf0cceb3', '晋江恒美日用百货有限公司', '2022-05-22', 4, 4.300000, 12, 21, 33970.000000, 105, '24h', true, true, true, true, 0, 0.000000, 81.000000, NULL, 4556.000000, 57016.000000, 'shop18@example.com');
INSERT INTO public.store_snapshots VALUES (54, 'b2b-220018', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '70f586441bcc39ad38e7d86402abff39420c5c288c317e02bb8f8cc9dc3b52bf', '晋江恒美日用百货有限公司', '2022-05-22', 4, 4.300000, 12, 32, 37745.000000, 117, '24h', true, true, true, true, 0, 0.000000, 81.000000, NULL, 4556.000000, 57016.000000, 'shop18@example.com');
INSERT INTO public.store_snapshots VALUES (55, 'b2b-220019', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '3ac354678b57cd96b84478227c5b57a5011fcd3e19e240d55d7ad2842b5bf1a0', '永康市盛佳服装有限公司', '2025-01-23', 2, 4.600000, 381, 384, 10062.000000, 8, '72h', true, true, true, true, 2, 0.000500, 71.000000, '永康五金产业带', 44965.000000, 66116.000000, 'shop19@example.com');
INSERT INTO public.store_snapshots VALUES (56, 'b2b-220019', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'fc129a54b75541d155455d3005216a231bd1667bfdfe3c419d4c285faee27d53', '永康市盛佳服装有限公司', '2025-01-23', 2, 4.600000, 381, 395, 11320.000000, 9, '72h', true, true, true, true, 2, 0.000500, 71.000000, '永康五金产业带', 44965.000000, 66116.000000, 'shop19@example.com');
INSERT INTO public.store_snapshots VALUES (57, 'b2b-220019', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '7fa85eed9fed76184f1f20515171b16f066d49360d415420c0b1abc27b7120e9', '永康市盛佳服装有限公司', '2025-01-23', 2, 4.600000, 381, 404, 12578.000000, 10, '72h', true, true, true, true, 2, 0.000500, 71.000000, '永康五金产业带', 44965.000000, 66116.000000, 'shop19@example.com');
INSERT INTO public.store_snapshots VALUES (58, 'b2b-220020', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '03c40274dc5fc0e9f2e65708ed725124c301a89db64bfac81b638eafe263bb94', '临沂市鑫达鞋业有限公司', '2022-01-05', 2, 4.900000, 97, 98, 14220.000000, 8, '72h', true, true, true, true, 2, 0.000500, 63.000000, NULL, 36281.000000, 23586.000000, 'shop20@example.com');
INSERT INTO public.store_snapshots VALUES (59, 'b2b-220020', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'c1f9270c3e76c8219eb773b2939409eb5690d0d0940dbc6b0f67d713399da856', '临沂市鑫达鞋业有限公司', '2022-01-05', 2, 4.900000, 97, 122, 15997.000000, 9, '72h', true, true, true, true, 2, 0.000500, 63.000000, NULL, 36281.000000, 23586.000000, 'shop20@example.com');
INSERT INTO public.store_snapshots VALUES (60, 'b2b-220020', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'e88d2f69865ef28d893a6e1a29db49d9323884e3f8963fc7e102d183dcb25dc8', '临沂市鑫达鞋业有限公司', '2022-01-05', 2, 4.900000, 97, 102, 17775.000000, 10, '72h', true, true, true, true, 2, 0.000500, 63.000000, NULL, 36281.000000, 23586.000000, 'shop20@example.com');
INSERT INTO public.store_snapshots VALUES (61, 'b2b-220021', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'd7494bc70c1eacbc8a10f3316213d9203bed632462241bb758ebfa498fa69960', '杭州华源玩具有限公司', '2021-10-23', 2, 4.700000, 96, 98, 14324.000000, 10, '72h', true, true, true, true, 2, 0.000500, 63.000000, NULL, 24594.000000, 15394.000000, 'shop21@example.com');
INSERT INTO public.store_snapshots VALUES (62, 'b2b-220021', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '48fe1aa58266baddc41e9998a1bb1f64d2e3fc51889d961a05090fb4fc45f622', '杭州华源玩具有限公司', '2021-10-23', 2, 4.700000, 96, 96, 16114.000000, 11, '72h', true, true, true, true, 2, 0.000500, 63.000000, NULL, 24594.000000, 15394.000000, 'shop21@example.com');
INSERT INTO public.store_snapshots VALUES (63, 'b2b-220021', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '09e91c0b82dcd7d5489a7f21c5bb1273596657554ffe581055392f0ff17b3dfa', '杭州华源玩具有限公司', '2021-10-23', 2, 4.700000, 96, 113, 17905.000000, 13, '72h', true, true, true, true, 2, 0.000500, 63.000000, NULL, 24594.000000, 15394.000000, 'shop21@example.com');
INSERT INTO public.store_snapshots VALUES (64, 'b2b-220022', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '8490f6f8328cad3d9d13261da176efdb71f2c8e6308bc143f9c2c94a43ea3bb1', '广州市悦通五金工具有限公司', '2020-04-11', 2, 4.300000, 97, 119, 9438.000000, 4, '72h', true, true, true, true, 2, 0.000500, 80.000000, NULL, 1721.000000, 39809.000000, 'shop22@example.com');
INSERT INTO public.store_snapshots VALUES (65, 'b2b-220022', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '24e8893b05af4bc45d236014d85e2374b9b9f3c86350d8d281781aa1f71c7d0b', '广州市悦通五金工具有限公司', '2020-04-11', 2, 4.300000, 97, 105, 10618.000000, 5, '72h', true, true, true, true, 2, 0.000500, 80.000000, NULL, 1721.000000, 39809.000000, 'shop22@example.com');
INSERT INTO public.store_snapshots VALUES (66, 'b2b-220022', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '56c911fabdb261742797c4c145cbdef7d42ce53a23c648716bc0ae87e1ca3bf5', '广州市悦通五金工具有限公司', '2020-04-11', 2, 4.300000, 97, 118, 11798.000000, 6, '72h', true, true, true, true, 2, 0.000500, 80.000000, NULL, 1721.000000, 39809.000000, 'shop22@example.com');
INSERT INTO public.store_snapshots VALUES (67, 'b2b-220023', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '91898a22a8075a48f4cd98a6e89143972583965a8cc788649d2d7484d59b4cc7', '深圳市锦美小家电有限公司', '2021-10-04', 2, 4.300000, 269, 292, 9969.000000, 6, '72h', true, true, true, true, 2, 0.000500, 71.000000, NULL, 33654.000000, 40056.000000, 'shop23@example.com');
INSERT INTO public.store_snapshots VALUES (68, 'b2b-220023', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'daf634343eaded21c1150f53b3a4e8106404bfe6dc7d5b174e7c6a09e9161b5c', '深圳市锦美小家电有限公司', '2021-10-04', 2, 4.300000, 269, 282, 11215.000000, 7, '72h', true, true, true, true, 2, 0.000500, 71.000000, NULL, 33654.000000, 40056.000000, 'shop23@example.com');
INSERT INTO public.store_snapshots VALUES (69, 'b2b-220023', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '84269430bfaf09d47ef9fb6879618bb895b556bcb2fcaeb11c2dcc9b919ee94b', '深圳市锦美小家电有限公司', '2021-10-04', 2, 4.300000, 269, 291, 12462.000000, 8, '72h', true, true, true, true, 2, 0.000500, 71.000000, NULL, 33654.000000, 40056.000000, 'shop23@example.com');
INSERT INTO public.store_snapshots VALUES (70, 'b2b-220024', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'fb784f2759278fb0c0ae3e8008997c3ba4c1c514adedfa00bcbf7a6e60c0724e', '义乌恒佳日用百货有限公司', '2023-08-18', 4, 4.300000, 316, 327, 58127.000000, 33, '24h', true, true, true, true, 0, 0.000000, 84.000000, '义乌小商品产业带', 45803.000000, 43345.000000, 'shop24@example.com');
INSERT INTO public.store_snapshots VALUES (71, 'b2b-220024', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'f0698e7bd8172c5d71da12b3178940848de30f84829ab2723192a496d676bb9f', '义乌恒佳日用百货有限公司', '2023-08-18', 4, 4.300000, 316, 331, 65393.000000, 37, '24h', true, true, true, true, 0, 0.000000, 84.000000, '义乌小商品产业带', 45803.000000, 43345.000000, 'shop24@example.com');
INSERT INTO public.store_snapshots VALUES (72, 'b2b-220024', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'ab1154497266cc923a26a338b2af9749ee1e4f4b77144a7c933a9125f8b4b8c8', '义乌恒佳日用百货有限公司', '2023-08-18', 4, 4.300000, 316, 326, 72659.000000, NULL, '24h', true, true, true, true, 0, 0.000000, 84.000000, '义乌小商品产业带', 45803.000000, 43345.000000, 'shop24@example.com');
INSERT INTO public.store_snapshots VALUES (73, 'b2b-220025', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '0d924c6057ec40f54982d167f95511f3f28b276273f6a21ebdfbb21be0047cfa', '温州市盛达服装有限公司', '2024-09-16', 5, 4.300000, 46, 55, 31177.000000, 67, '24h', true, true, true, true, 0, 0.000000, 43.000000, '温州鞋服产业带', 8448.000000, 41029.000000, 'shop25@example.com');
INSERT INTO public.store_snapshots VALUES (74, 'b2b-220025', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '51494841b99d86166e9cda35fbcae12661b1a032a14007f019009e58fc16f434', '温州市盛达服装有限公司', '2024-09-16', 5, 4.300000, 46, 62, 35074.000000, 75, '24h', true, true, true, true, 0, 0.000000, 43.000000, '温州鞋服产业带', 8448.000000, 41029.000000, 'shop25@example.com');
INSERT INTO public.store_snapshots VALUES (75, 'b2b-220025', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '2f11ae8ae55322931722ec8b63253d66ba445a07e5be4d188b472182f4fb8a1d', '温州市盛达服装有限公司', '2024-09-16', 5, NULL, 46, 66, 38972.000000, 84, '24h', true, true, true, true, 0, 0.000000, 43.000000, '温州鞋服产业带', 8448.000000, 41029.000000, 'shop25@example.com');
INSERT INTO public.store_snapshots VALUES (76, 'b2b-220026', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '7c7306de432c860db938106eb55e1082bccea68ef5ddb16e302ae9dd12a0c799', '东莞市鑫源鞋业有限公司', '2025-04-24', 4, 4.600000, 296, 312, 48040.000000, 44, '24h', true, true, true, true, 0, 0.000000, 78.000000, '东莞玩具产业带', 9730.000000, 57045.000000, 'shop26@example.com');
INSERT INTO public.store_snapshots VALUES (77, 'b2b-220026', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'e9a8d6fc734b10bf5461e07bd7e03d32c94d5d4a57973d7e5d2b6a6bb7d76b1f', '东莞市鑫源鞋业有限公司', '2025-04-24', 4, 4.600000, 296, 318, 54045.000000, 50, '24h', true, true, true, true, 0, 0.000000, 78.000000, '东莞玩具产业带', 9730.000000, 57045.000000, 'shop26@example.com');
INSERT INTO public.store_snapshots VALUES (78, 'b2b-220026', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '2465d49e0af8d4aac6b175c3bd45de5918e14478e183011038c2e64df2b9d914', '东莞市鑫源鞋业有限公司', '2025-04-24', 4, 4.600000, 296, 316, 60051.000000, NULL, '24h', true, true, true, true, 0, 0.000000, 78.000000, '东莞玩具产业带', 9730.000000, 57045.000000, 'shop26@example.com');
INSERT INTO public.store_snapshots VALUES (79, 'b2b-220027', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'ef919ead18785d32ace1380d9acfb9e9738443e9915c0cbf91afba364face64a', '佛山华通玩具有限公司', '2022-02-04', 5, 4.800000, 155, 159, 44769.000000, 52, '48h', true, true, true, true, 0, 0.000000, 55.000000, '佛山家电产业带', 22083.000000, 46483.000000, 'shop27@example.com');
INSERT INTO public.store_snapshots VALUES (80, 'b2b-220027', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'ac385ed69db6be2df247481b25f77837fcbb6a4deee3df4558eb827a5c7dfcd0', '佛山华通玩具有限公司', '2022-02-04', 5, 4.800000, 155, 185, 50365.000000, 59, '48h', true, true, true, true, 0, 0.000000, 55.000000, '佛山家电产业带', 22083.000000, 46483.000000, 'shop27@example.com');
INSERT INTO public.store_snapshots VALUES (81, 'b2b-220027', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'c651581e75035a183b309ea8809375d22426a4880973c8bed615150b5c444626', '佛山华通玩具有限公司', '2022-02-04', 5, NULL, 155, 180, 55962.000000, 66, '48h', true, true, true, true, 0, 0.000000, 55.000000, '佛山家电产业带', 22083.000000, 46483.000000, 'shop27@example.com');
INSERT INTO public.store_snapshots VALUES (82, 'b2b-220028', '2026-10-22 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'c3f90a7afe3be8aa6267ed08531110fca143a27aa1290731cdd8f2efe4a853b8', '汕头市悦美五金工具有限公司', '2021-09-30', 3, 4.400000, 100, 109, 65394.000000, 43, '48h', true, true, true, true, 0, 0.000000, 64.000000, '澄海玩具产业带', 19235.000000, 49566.000000, 'shop28@example.com');
INSERT INTO public.store_snapshots VALUES (83, 'b2b-220028', '2026-10-29 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '866e50c7c3543f038a9733b23488468b2c8c8e1372cf82da6d95fd135f68e325', '汕头市悦美五金工具有限公司', '2021-09-30', 3, 4.400000, 100, 102, 73568.000000, 48, '48h', true, true, true, true, 0, 0.000000, 64.000000, '澄海玩具产业带', 19235.000000, 49566.000000, 'shop28@example.com');
INSERT INTO public.store_snapshots VALUES (84, 'b2b-220028', '2026-11-05 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '4c7ca57ffd46a0502c3acf11cfe4fff5f5864e09fda9e4295be12fd348e7c03a', '汕头市悦美五金工具有限公司', '2021-09-30', 3, 4.400000, 100, 102, 81743.000000, 54, '48h', true, true, true, true, 0, 0.000000, 64.000000, '澄海玩具产业带', 19235.000000, 49566.000000, 'shop28@example.com');
INSERT INTO public.store_snapshots VALUES (85, 'b2b-220029', '2026-10-22 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '1837139b9a2d0ff054250298b393555d337fc882ead1a62e3f787becfcd7ccdd', '泉州市锦佳小家电有限公司', '2024-06-13', 5, 4.700000, 270, 287, 29049.000000, 59, '48h', true, true, true, true, 0, 0.000000, 86.000000, NULL, 37619.000000, 2479.000000, 'shop29@example.com');
INSERT INTO public.store_snapshots VALUES (86, 'b2b-220029', '2026-10-29 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '68f838772ed74a2acf1941916050c8de8bf011b237ca5dce342d07f2c52e8cb8', '泉州市锦佳小家电有限公司', '2024-06-13', 5, 4.700000, 270, 288, 32680.000000, 66, '48h', true, true, true, true, 0, 0.000000, 86.000000, NULL, 37619.000000, 2479.000000, 'shop29@example.com');
INSERT INTO public.store_snapshots VALUES (87, 'b2b-220029', '2026-11-05 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '768e3249d82651e74fbb561a1ab245944b8315b6f01f4caf1b54401b41daec2e', '泉州市锦佳小家电有限公司', '2024-06-13', 5, 4.700000, 270, 297, 36312.000000, 74, '48h', true, true, true, true, 0, 0.000000, 86.000000, NULL, 37619.000000, 2479.000000, 'shop29@example.com');
INSERT INTO public.store_snapshots VALUES (88, 'b2b-220030', '2026-10-22 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '74167a86b4ed58637a6408f0df72148d78f352ea60ad43a51f4f953eaff950a2', '晋江恒达日用百货有限公司', '2020-05-23', 4, 4.600000, 147, 162, 61160.000000, 42, '24h', true, true, true, true, 0, 0.000000, 45.000000, NULL, 15959.000000, 50774.000000, 'shop30@example.com');
INSERT INTO public.store_snapshots VALUES (89, 'b2b-220030', '2026-10-29 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'f5ab48c449f208cca2d20e385bd020a3fd1a93d677a4852ad00d7ffda8675c9d', '晋江恒达日用百货有限公司', '2020-05-23', 4, 4.600000, 147, 160, 68805.000000, 47, '24h', true, true, true, true, 0, 0.000000, 45.000000, NULL, 15959.000000, 50774.000000, 'shop30@example.com');
INSERT INTO public.store_snapshots VALUES (90, 'b2b-220030', '2026-11-05 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'c7054ece2d8badbc469533afc74297c5e88f1e6c587a7e612fd538609a3bbf46', '晋江恒达日用百货有限公司', '2020-05-23', 4, 4.600000, 147, 166, 76451.000000, 53, '24h', true, true, true, true, 0, 0.000000, 45.000000, NULL, 15959.000000, 50774.000000, 'shop30@example.com');
INSERT INTO public.store_snapshots VALUES (91, 'b2b-220031', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'b96f565a03faa80313c9fa7a47bb2f3ef027bbf417485ccca4c70b5ccd0842ab', '永康市盛源服装有限公司', '2025-06-15', 5, 4.800000, 164, 165, 294196.000000, 29, '48h', true, true, true, true, 0, 0.000000, 67.000000, '永康五金产业带', 38203.000000, 177786.000000, 'shop31@example.com');
INSERT INTO public.store_snapshots VALUES (92, 'b2b-220031', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'cae5d7fa1ae3a51fda64b06a887fe1bf82aa6fba076a4d88340c2b033af3711d', '永康市盛源服装有限公司', '2025-06-15', 5, 4.800000, 164, 177, 330971.000000, 33, '48h', true, true, true, true, 0, 0.000000, 67.000000, '永康五金产业带', 38203.000000, 177786.000000, 'shop31@example.com');
INSERT INTO public.store_snapshots VALUES (93, 'b2b-220031', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '445d9f6fe5b6ab6daa536dd579ff4686fa4aa43d7ab2a90290c61a6c241436a3', '永康市盛源服装有限公司', '2025-06-15', 5, 4.800000, 164, 189, 367746.000000, 37, '48h', true, true, true, true, 0, 0.000000, 67.000000, '永康五金产业带', 38203.000000, 177786.000000, 'shop31@example.com');
INSERT INTO public.store_snapshots VALUES (94, 'b2b-220032', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'ce5caf2db3b860d039480ea5b3a8b96363b9fae5a26618f081ab7b92be29200d', '临沂市鑫通鞋业有限公司', '2020-05-30', 4, 5.000000, 182, 203, 215964.000000, 50, '24h', true, true, true, true, 0, 0.000000, 86.000000, NULL, 45369.000000, 132821.000000, 'shop32@example.com');
INSERT INTO public.store_snapshots VALUES (95, 'b2b-220032', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'e7fa4c2019377d719d3ee87b2e3b283371d5a52c594c395e2f2ffd32961f9680', '临沂市鑫通鞋业有限公司', '2020-05-30', 4, 5.000000, 182, 188, 242960.000000, 56, '24h', true, true, true, true, 0, 0.000000, 86.000000, NULL, 45369.000000, 132821.000000, 'shop32@example.com');
INSERT INTO public.store_snapshots VALUES (96, 'b2b-220032', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'bdae6e0d1e4667c47a4d1d1f545944d16c1af13d6c2c335fd0a5fc1135ac548c', '临沂市鑫通鞋业有限公司', '2020-05-30', 4, 5.000000, 182, 193, 269956.000000, 63, '24h', true, true, true, true, 0, 0.000000, 86.000000, NULL, 45369.000000, 132821.000000, 'shop32@example.com');
INSERT INTO public.store_snapshots VALUES (97, 'b2b-220033', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'c51146fc25d4d2f06c36ff9059ed8d1a9680985029525ae59e463d43ce75b07c', '杭州华美玩具有限公司', '2025-05-21', 4, 5.000000, 312, 312, 265388.000000, 40, '48h', true, true, true, true, 0, 0.000000, 58.000000, NULL, 47899.000000, 177971.000000, 'shop33@example.com');
INSERT INTO public.store_snapshots VALUES (98, 'b2b-220033', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '76832a4b4b10d972e19273b66e63e40a7b340f4967229d71c7f50da5d209f04d', '杭州华美玩具有限公司', '2025-05-21', 4, 5.000000, 312, 326, 298561.000000, 45, '48h', true, true, true, true, 0, 0.000000, 58.000000, NULL, 47899.000000, 177971.000000, 'shop33@example.com');
INSERT INTO public.store_snapshots VALUES (99, 'b2b-220033', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '7fb103ffb66a776b45671bf7f323c6568e11661c03bbc04ccba104081228be11', '杭州华美玩具有限公司', '2025-05-21', 4, 5.000000, 312, 334, 331735.000000, 51, '48h', true, true, true, true, 0, 0.000000, 58.000000, NULL, 47899.000000, 177971.000000, 'shop33@example.com');
INSERT INTO public.store_snapshots VALUES (100, 'b2b-220034', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'a8adbc3885e0061ee3a31f7980c42480d2862465e7e92d993053de5ee692c1c2', '广州市悦佳五金工具有限公司', '2021-04-26', 5, 4.500000, 84, 101, 10000.000000, 30, '48h', true, true, true, true, 0, 0.000000, 76.000000, NULL, 43594.000000, 27873.000000, 'shop34@example.com');
INSERT INTO public.store_snapshots VALUES (101, 'b2b-220034', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '6feb3ca327beb6fe261323205d15ed91dfe96e650320dec3f1c954091f7965a5', '广州市悦佳五金工具有限公司', '2021-04-26', 5, 4.500000, 84, 93, 13000.000000, 30, '48h', true, true, true, true, 0, 0.000000, 76.000000, NULL, 43594.000000, 27873.000000, 'shop34@example.com');
INSERT INTO public.store_snapshots VALUES (102, 'b2b-220034', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '57e7162cfd3ac5f2edd7299ed9661fb061427767e2f2cabc0abde67696603a1c', '广州市悦佳五金工具有限公司', '2021-04-26', 5, 4.500000, 84, 109, 16000.000000, 30, '48h', true, true, true, true, 0, 0.000000, 76.000000, NULL, 43594.000000, 27873.000000, 'shop34@example.com');
INSERT INTO public.store_snapshots VALUES (103, 'b2b-220035', '2026-11-11 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'f87a6e5cc0fb3f28da8d817be47d63145d2daa38a099700e29d37aa99751fceb', '深圳市锦达小家电有限公司', '2022-10-04', 3, 4.300000, 386, 407, 40000.000000, 5, '24h', true, true, true, true, 0, 0.000000, 64.000000, NULL, 37965.000000, 17670.000000, 'shop35@example.com');
INSERT INTO public.store_snapshots VALUES (104, 'b2b-220035', '2026-11-18 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', 'b55f0f55bbae74c9abf17f4e28a180b9b8b97a4403abcf620c80fefc866eaab8', '深圳市锦达小家电有限公司', '2022-10-04', 3, 4.300000, 386, 389, 40000.000000, 8, '24h', true, true, true, true, 0, 0.000000, 64.000000, NULL, 37965.000000, 17670.000000, 'shop35@example.com');
INSERT INTO public.store_snapshots VALUES (105, 'b2b-220035', '2026-11-25 01:00:00+00', '2026-12-01 01:00:00+00', 'stores.csv', '7fe257a320ced73a802415a15b83a49986a15f8de38242ef0c603e571d448b46', '深圳市锦达小家电有限公司', '2022-10-04', 3, 4.300000, 386, 403, 40000.000000, 11, '24h', true, true, true, true, 0, 0.000000, 64.000000, NULL, 37965.000000, 17670.000000, 'shop35@example.com');


--
-- Data for Name: stores; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.stores VALUES ('b2b-220001', '温州市盛源服装有限公司', 'shop01@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220002', '东莞市鑫通鞋业有限公司', 'shop02@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220003', '佛山华美玩具有限公司', 'shop03@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220004', '汕头市悦佳五金工具有限公司', 'shop04@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220005', '泉州市锦达小家电有限公司', 'shop05@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220006', '晋江恒源日用百货有限公司', 'shop06@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220007', '永康市盛通服装有限公司', 'shop07@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220008', '临沂市鑫美鞋业有限公司', 'shop08@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220009', '杭州华佳玩具有限公司', 'shop09@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220010', '广州市悦达五金工具有限公司', 'shop10@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220011', '深圳市锦源小家电有限公司', 'shop11@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220012', '义乌恒通日用百货有限公司', 'shop12@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220013', '温州市盛美服装有限公司', 'shop13@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220014', '东莞市鑫佳鞋业有限公司', 'shop14@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220015', '佛山华达玩具有限公司', 'shop15@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220016', '汕头市悦源五金工具有限公司', 'shop16@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220017', '泉州市锦通小家电有限公司', 'shop17@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220018', '晋江恒美日用百货有限公司', 'shop18@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220019', '永康市盛佳服装有限公司', 'shop19@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220020', '临沂市鑫达鞋业有限公司', 'shop20@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220021', '杭州华源玩具有限公司', 'shop21@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220022', '广州市悦通五金工具有限公司', 'shop22@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220023', '深圳市锦美小家电有限公司', 'shop23@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220024', '义乌恒佳日用百货有限公司', 'shop24@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220025', '温州市盛达服装有限公司', 'shop25@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220026', '东莞市鑫源鞋业有限公司', 'shop26@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220027', '佛山华通玩具有限公司', 'shop27@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220028', '汕头市悦美五金工具有限公司', 'shop28@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220029', '泉州市锦佳小家电有限公司', 'shop29@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220030', '晋江恒达日用百货有限公司', 'shop30@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220031', '永康市盛源服装有限公司', 'shop31@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220032', '临沂市鑫通鞋业有限公司', 'shop32@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220033', '杭州华美玩具有限公司', 'shop33@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220034', '广州市悦佳五金工具有限公司', 'shop34@example.com', '2026-12-01 01:00:00+00');
INSERT INTO public.stores VALUES ('b2b-220035', '深圳市锦达小家电有限公司', 'shop35@example.com', '2026-12-01 01:00:00+00');


--
-- Data for Name: subscriptions; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.subscriptions VALUES (1, 'b2b-220011', 'ops@agency.example', 'zh-CN', '8_ClfG32MKF5nzIkVm5K4EEK1jvWj2zMvWAbWKrwMsY', '2026-12-03 19:08:44.322044+00', NULL);
INSERT INTO public.subscriptions VALUES (2, 'b2b-220001', 'ops@agency.example', 'en', 'zQrJpcK4vRl15c0EbbWyFJsKetL5YuFpFf6j3LpnP_E', '2026-12-03 19:08:47.42371+00', NULL);
INSERT INTO public.subscriptions VALUES (3, 'b2b-220002', 'owner@seller.example', 'zh-CN', 'tTbUn2aUxJnMTdeABDRgWgwe2lxyzXZ7WQrqMJiQHP4', '2026-12-03 19:08:49.285884+00', NULL);
INSERT INTO public.subscriptions VALUES (4, 'b2b-220003', 'gone@seller.example', 'zh-CN', 'G9zlMYAa_BmKEHhjDHHNTNfEHS4SkE7A2ii77M6EXtQ', '2026-12-03 19:08:53.185874+00', '2026-12-03 19:08:56.835873+00');


--
-- Name: api_keys_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.api_keys_id_seq', 2, true);


--
-- Name: delivery_attempts_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.delivery_attempts_id_seq', 21, true);


--
-- Name: feed_tokens_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.feed_tokens_id_seq', 2, true);


--
-- Name: product_snapshots_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.product_snapshots_id_seq', 245, true);


--
-- Name: reminders_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.reminders_id_seq', 318, true);


--
-- Name: store_snapshots_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.store_snapshots_id_seq', 105, true);


--
-- Name: subscriptions_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.subscriptions_id_seq', 4, true);


--
-- Name: api_keys api_keys_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_keys
    ADD CONSTRAINT api_keys_pkey PRIMARY KEY (id);


--
-- Name: daily_statuses daily_statuses_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.daily_statuses
    ADD CONSTRAINT daily_statuses_pkey PRIMARY KEY (store_id, activity);


--
-- Name: delivery_attempts delivery_attempts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.delivery_attempts
    ADD CONSTRAINT delivery_attempts_pkey PRIMARY KEY (id);


--
-- Name: feed_tokens feed_tokens_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feed_tokens
    ADD CONSTRAINT feed_tokens_pkey PRIMARY KEY (id);


--
-- Name: planned planned_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.planned
    ADD CONSTRAINT planned_pkey PRIMARY KEY (subscription_id, cycle);


--
-- Name: product_snapshots product_snapshots_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.product_snapshots
    ADD CONSTRAINT product_snapshots_pkey PRIMARY KEY (id);


--
-- Name: products products_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.products
    ADD CONSTRAINT products_pkey PRIMARY KEY (product_id);


--
-- Name: reminders reminders_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reminders
    ADD CONSTRAINT reminders_pkey PRIMARY KEY (id);


--
-- Name: store_snapshots store_snapshots_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.store_snapshots
    ADD CONSTRAINT store_snapshots_pkey PRIMARY KEY (id);


--
-- Name: stores stores_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.stores
    ADD CONSTRAINT stores_pkey PRIMARY KEY (store_id);


--
-- Name: subscriptions subscriptions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.subscriptions
    ADD CONSTRAINT subscriptions_pkey PRIMARY KEY (id);


--
-- Name: api_keys uq_api_keys_key_hash; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_keys
    ADD CONSTRAINT uq_api_keys_key_hash UNIQUE (key_hash);


--
-- Name: feed_tokens uq_feed_tokens_token_hash; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feed_tokens
    ADD CONSTRAINT uq_feed_tokens_token_hash UNIQUE (token_hash);


--
-- Name: product_snapshots uq_product_snapshots; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.product_snapshots
    ADD CONSTRAINT uq_product_snapshots UNIQUE (product_id, captured_at, content_hash);


--
-- Name: reminders uq_reminders_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reminders
    ADD CONSTRAINT uq_reminders_key UNIQUE (key);


--
-- Name: store_snapshots uq_store_snapshots; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.store_snapshots
    ADD CONSTRAINT uq_store_snapshots UNIQUE (store_id, captured_at, content_hash);


--
-- Name: subscriptions uq_subscriptions_store_email; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.subscriptions
    ADD CONSTRAINT uq_subscriptions_store_email UNIQUE (store_id, email);


--
-- Name: subscriptions uq_subscriptions_unsubscribe_token; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.subscriptions
    ADD CONSTRAINT uq_subscriptions_unsubscribe_token UNIQUE (unsubscribe_token);


--
-- Name: ix_api_keys_name; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_api_keys_name ON public.api_keys USING btree (name);


--
-- Name: ix_delivery_attempts_reminder_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_delivery_attempts_reminder_id ON public.delivery_attempts USING btree (reminder_id);


--
-- Name: ix_feed_tokens_store_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_feed_tokens_store_id ON public.feed_tokens USING btree (store_id);


--
-- Name: ix_product_snapshots_store_captured; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_product_snapshots_store_captured ON public.product_snapshots USING btree (store_id, captured_at);


--
-- Name: ix_products_store_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_products_store_id ON public.products USING btree (store_id);


--
-- Name: ix_reminders_status_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_reminders_status_due ON public.reminders USING btree (status, due_at);


--
-- Name: ix_reminders_subscription_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_reminders_subscription_id ON public.reminders USING btree (subscription_id);


--
-- Name: ix_subscriptions_email; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_subscriptions_email ON public.subscriptions USING btree (email);


--
-- Name: daily_statuses daily_statuses_store_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.daily_statuses
    ADD CONSTRAINT daily_statuses_store_id_fkey FOREIGN KEY (store_id) REFERENCES public.stores(store_id);


--
-- Name: delivery_attempts delivery_attempts_reminder_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.delivery_attempts
    ADD CONSTRAINT delivery_attempts_reminder_id_fkey FOREIGN KEY (reminder_id) REFERENCES public.reminders(id);


--
-- Name: feed_tokens feed_tokens_store_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feed_tokens
    ADD CONSTRAINT feed_tokens_store_id_fkey FOREIGN KEY (store_id) REFERENCES public.stores(store_id);


--
-- Name: planned planned_subscription_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.planned
    ADD CONSTRAINT planned_subscription_id_fkey FOREIGN KEY (subscription_id) REFERENCES public.subscriptions(id);


--
-- Name: product_snapshots product_snapshots_product_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.product_snapshots
    ADD CONSTRAINT product_snapshots_product_id_fkey FOREIGN KEY (product_id) REFERENCES public.products(product_id);


--
-- Name: product_snapshots product_snapshots_store_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.product_snapshots
    ADD CONSTRAINT product_snapshots_store_id_fkey FOREIGN KEY (store_id) REFERENCES public.stores(store_id);


--
-- Name: products products_store_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.products
    ADD CONSTRAINT products_store_id_fkey FOREIGN KEY (store_id) REFERENCES public.stores(store_id);


--
-- Name: reminders reminders_store_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reminders
    ADD CONSTRAINT reminders_store_id_fkey FOREIGN KEY (store_id) REFERENCES public.stores(store_id);


--
-- Name: reminders reminders_subscription_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reminders
    ADD CONSTRAINT reminders_subscription_id_fkey FOREIGN KEY (subscription_id) REFERENCES public.subscriptions(id);


--
-- Name: store_snapshots store_snapshots_store_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.store_snapshots
    ADD CONSTRAINT store_snapshots_store_id_fkey FOREIGN KEY (store_id) REFERENCES public.stores(store_id);


--
-- Name: subscriptions subscriptions_store_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.subscriptions
    ADD CONSTRAINT subscriptions_store_id_fkey FOREIGN KEY (store_id) REFERENCES public.stores(store_id);


--
-- PostgreSQL database dump complete
--

\unrestrict cfQwmnEypHvjgQMjURbQjBRq8S1L8zf31HLpSIm4dh6Q8R4kcSf5vPTOe8Zqj4m

