"""Unsubscribe links: signed with the installation's key, which is made once and shared by every
daemon on a database; the database keeps no token, and release 0.1.0's links still work."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import stat
from pathlib import Path

import pytest
from pydantic import SecretStr
from sqlalchemy import Engine

from calendar_service.adapters.db.repository import Repository
from calendar_service.adapters.secret_key import load_secret_key
from calendar_service.bootstrap import Container
from calendar_service.domain.snapshots import StoreSnapshot
from calendar_service.errors import ConfigError
from calendar_service.services.signed_links import (
    SignedLinks,
    legacy_token_hash,
    unsubscribe_by_link,
)
from calendar_service.settings import load_settings
from tests.cli import run_cli
from tests.times import CST

# The one instant these tests run at: importing, subscribing and following a link.
CLOCK = dt.datetime(2026, 12, 15, 10, 0, tzinfo=CST)
KEY = b"0123456789abcdef0123456789abcdef"
SIGNER = SignedLinks(KEY)


# Tokens ------------------------------------------------------------------------------------------


def test_a_token_names_its_subscription_and_only_this_key_makes_it() -> None:
    token = SIGNER.unsubscribe_token(42)
    assert token.startswith("42.") and len(token) == len("42.") + 43  # 256 bits, base64url
    assert SIGNER.subscription_id(token) == 42
    assert SIGNER.unsubscribe_token(42) == token  # the same link on every daemon and in every mail
    assert SignedLinks(KEY[::-1]).subscription_id(token) is None
    mac = token.split(".", 1)[1]
    assert SIGNER.subscription_id(f"43.{mac}") is None  # another subscription's id


@pytest.mark.parametrize(
    "token",
    [
        "",
        ".",
        "42",
        "42.",
        "x.abc",
        "-1.abc",
        "٤٢.abc",  # Arabic-Indic digits pass str.isdigit()
        "9" * 19 + ".abc",
        "42.é",
        "42.\udc80",  # a lone surrogate, as a URL may decode to
        "42." + "A" * 43,
    ],
)
def test_anything_else_is_no_token(token: str) -> None:
    assert SIGNER.subscription_id(token) is None


def test_a_feed_token_names_its_subscription_and_generation_and_is_no_unsubscribe_token() -> None:
    token = SIGNER.feed_token(42, 3)
    assert token.startswith("42.3.") and SIGNER.feed_of(token) == (42, 3)
    mac = token.rsplit(".", 1)[1]
    assert SIGNER.feed_of(f"42.4.{mac}") is None  # a later generation needs its own mac
    assert SIGNER.feed_of(f"43.3.{mac}") is None
    assert (
        SIGNER.subscription_id(token) is None
        and SIGNER.feed_of(SIGNER.unsubscribe_token(42)) is None
    )
    unsubscribe_mac = SIGNER.unsubscribe_token(42).split(".", 1)[1]
    assert SIGNER.feed_of(f"42.3.{unsubscribe_mac}") is None  # the purposes never mix
    assert SignedLinks(KEY[::-1]).feed_of(token) is None


def test_a_mail_s_feed_link_ends_with_its_subscription_or_a_revocation(
    subscribed: Repository,
) -> None:
    first, second = subscribed.subscriptions()
    assert subscribed.feed_generation("s1") == 0
    assert subscribed.store_for_subscription_feed(first.id, 0) == "s1"
    assert subscribed.store_for_subscription_feed(first.id, 1) is None
    subscribed.revoke_feed_tokens("s1", CLOCK)
    assert subscribed.feed_generation("s1") == 1 and subscribed.feed_generation("s2") == 0
    assert subscribed.store_for_subscription_feed(first.id, 0) is None  # mails already sent
    assert subscribed.store_for_subscription_feed(first.id, 1) == "s1"  # the next mail's
    assert subscribed.store_for_subscription_feed(second.id, 0) == "s2"
    subscribed.end_subscription(second.id, CLOCK)
    assert subscribed.store_for_subscription_feed(second.id, 0) is None
    assert subscribed.store_for_subscription_feed(999, 0) is None


def test_the_fingerprint_names_the_key_without_giving_it_away() -> None:
    assert SIGNER.fingerprint == SignedLinks(KEY).fingerprint
    assert SIGNER.fingerprint != SignedLinks(KEY + b"!").fingerprint
    assert KEY.decode() not in SIGNER.fingerprint and len(SIGNER.fingerprint) == 64
    assert "0123" not in repr(SIGNER)  # the key stays out of logs and tracebacks


# Unsubscribing -----------------------------------------------------------------------------------


@pytest.fixture
def subscribed(repository: Repository) -> Repository:
    stores = [StoreSnapshot(s, CLOCK, name=s) for s in ("s1", "s2")]
    repository.add_snapshots(stores, [], "test", CLOCK)
    repository.subscribe("s1", "a@example.com", now=CLOCK)
    repository.subscribe("s2", "a@example.com", now=CLOCK)
    return repository


def test_a_link_ends_its_subscription_once_and_harmlessly_again(subscribed: Repository) -> None:
    first, second = subscribed.subscriptions()
    token = SIGNER.unsubscribe_token(first.id)
    assert unsubscribe_by_link(SIGNER, subscribed, token, CLOCK) is True
    assert unsubscribe_by_link(SIGNER, subscribed, token, CLOCK + dt.timedelta(1)) is True
    assert [s.id for s in subscribed.subscriptions()] == [second.id]
    (ended,) = (s for s in subscribed.subscriptions(active_only=False) if not s.active)
    assert ended.unsubscribed_at == CLOCK  # the second click changed nothing


def test_unknown_forged_and_foreign_links_end_nothing(subscribed: Repository) -> None:
    first, _ = subscribed.subscriptions()
    other_key = SignedLinks(b"another installation's key, 32 b")
    for token in [
        other_key.unsubscribe_token(first.id),
        SIGNER.unsubscribe_token(999),
        "nope",
        "x" * 5000,
    ]:
        assert unsubscribe_by_link(SIGNER, subscribed, token, CLOCK) is False
    assert len(subscribed.subscriptions()) == 2


# The key -----------------------------------------------------------------------------------------


def test_the_key_file_is_made_once_for_its_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "var" / "secret.key"
    key = load_secret_key(None, path)
    assert len(key) >= 32 and path.read_bytes().strip() == key
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_secret_key(None, path) == key
    assert sorted(p.name for p in path.parent.iterdir()) == ["secret.key"]  # no temporary left
    assert load_secret_key(SecretStr(" " + "k" * 32 + "\n"), path) == b"k" * 32  # the setting wins


def _load(path: str) -> bytes:
    return load_secret_key(None, Path(path))


def test_processes_starting_together_share_one_key(tmp_path: Path) -> None:
    path = tmp_path / "secret.key"
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        keys = pool.map(_load, [str(path)] * 16)
    assert set(keys) == {path.read_bytes().strip()}


def test_a_short_key_file_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "secret.key"
    path.write_text("short\n")
    with pytest.raises(
        ConfigError, match=r"secret\.key: the secret key is 5 bytes.*delete the file"
    ):
        load_secret_key(None, path)


def test_a_key_file_that_cannot_be_read_or_made_says_which_setting_to_change(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(ConfigError, match=r"cannot read .*\(Not a directory\).*KEY_FILE"):
        load_secret_key(None, blocker / "secret.key")  # its folder is a file
    with pytest.raises(ConfigError, match=r"cannot make .*; set CALENDAR_SECRET_KEY_FILE to"):
        load_secret_key(None, Path("/proc/calendar-service/secret.key"))  # no one may write


def test_a_short_key_setting_is_refused_without_being_echoed() -> None:
    with pytest.raises(ConfigError) as refused:
        load_settings(secret_key="hunter2-is-not-a-key")
    assert "CALENDAR_SECRET_KEY='***'" in str(refused.value) and "hunter2" not in str(refused.value)


def test_a_daemon_with_another_key_refuses_to_start(database_url: str, tmp_path: Path) -> None:
    first = Container(load_settings(database_url=database_url, secret_key_file=tmp_path / "a"))
    assert first.signed_links.fingerprint  # recorded in the database
    again = Container(load_settings(database_url=database_url, secret_key_file=tmp_path / "a"))
    assert again.signed_links.key == first.signed_links.key
    other = Container(load_settings(database_url=database_url, secret_key_file=tmp_path / "b"))
    with pytest.raises(
        ConfigError, match=r"key file .*b is not the key the links in this database's mails"
    ):
        assert other.signed_links is None
    for container in (first, again, other):
        container.engine.dispose()


def test_the_command_line_says_so_too(tmp_path: Path) -> None:
    env = {"CALENDAR_DATABASE_URL": f"sqlite:///{tmp_path / 'calendar.db'}"}
    first = run_cli("remind", env=env | {"CALENDAR_SECRET_KEY": "k" * 32})
    assert first.code == 0, first.err
    refused = run_cli("remind", env=env | {"CALENDAR_SECRET_KEY": "j" * 32})
    assert refused.code == 2 and "Traceback" not in refused.err
    assert "CALENDAR_SECRET_KEY is not the key the links in this database's mails" in refused.err


def test_a_release_0_1_0_token_is_found_by_its_hash(subscribed: Repository, engine: Engine) -> None:
    first, _ = subscribed.subscriptions()
    legacy = "R" * 43  # as release 0.1.0 made them: secrets.token_urlsafe(32)
    with engine.begin() as connection:  # as revision 0004 leaves such a row
        connection.exec_driver_sql(
            "UPDATE subscriptions SET unsubscribe_token_hash = "
            f"'{legacy_token_hash(legacy)}' WHERE id = {first.id}"
        )
    assert unsubscribe_by_link(SIGNER, subscribed, "S" * 43, CLOCK) is False
    assert unsubscribe_by_link(SIGNER, subscribed, legacy, CLOCK) is True
    assert [s.store_id for s in subscribed.subscriptions()] == ["s2"]
