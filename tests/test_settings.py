"""Settings: one check per value, shared by everything that takes the value."""

from __future__ import annotations

import pytest
from sqlalchemy import make_url

from calendar_service.adapters.db.engine import make_engine
from calendar_service.errors import ConfigError, DatabaseError
from calendar_service.settings import load_settings, mailbox, mask_url, parse_smtp_url


@pytest.mark.parametrize(
    ("given", "taken"),
    [
        (
            "postgresql://calendar@db:5432/calendar",
            "postgresql+psycopg://calendar@db:5432/calendar",
        ),
        ("postgres://calendar@db/calendar", "postgresql+psycopg://calendar@db/calendar"),
        ("postgresql+psycopg://calendar@db/calendar", "postgresql+psycopg://calendar@db/calendar"),
        ("sqlite:///var/calendar.db", "sqlite:///var/calendar.db"),
    ],
)
def test_a_database_url_the_settings_take_is_the_one_the_engine_builds(
    given: str, taken: str
) -> None:
    assert load_settings(database_url=given).database_url == taken
    engine = make_engine(given)  # no connection is made
    try:
        assert engine.url == make_url(taken)
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    "url", ["mysql://calendar:s3cret-pw@db/calendar", "this is not a url", "http://[::1"]
)
def test_a_database_url_the_settings_refuse_the_engine_refuses_alike(url: str) -> None:
    hint = "use SQLite or PostgreSQL, e.g. sqlite:///var/calendar.db or postgresql+psycopg://"
    with pytest.raises(ConfigError) as refused_by_settings:
        load_settings(database_url=url)
    with pytest.raises(DatabaseError) as refused_by_engine:
        make_engine(url)
    for message in (str(refused_by_settings.value), str(refused_by_engine.value)):
        assert "CALENDAR_DATABASE_URL" in message and hint in message
        assert "s3cret-pw" not in message


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql+psycopg://u:s3cret@h/db", "postgresql+psycopg://u:***@h/db"),
        ("smtp://u:s3cret@h:587?starttls=1", "smtp://u:***@h:587?starttls=1"),
        ("smtp://u:s3c@ret@h", "smtp://u:***@h"),  # the last @ ends the password
        ("smtp://h:25", "smtp://h:25"),
        ("http://u:s3cret@[::1", "http://***@[::1"),  # does not parse: all before @ hidden
    ],
)
def test_mask_url_hides_the_password(url: str, shown: str) -> None:
    assert mask_url(url) == shown


def test_mask_url_takes_an_engine_url() -> None:
    assert mask_url(make_url("postgresql+psycopg://u:s3cret@h/db")) == (
        "postgresql+psycopg://u:***@h/db"
    )


def test_the_smtp_url_check_masks_with_the_same_function() -> None:
    with pytest.raises(ValueError, match=r"smtp://u:\*\*\*@h:notaport") as refused:
        parse_smtp_url("smtp://u:s3cret@h:notaport")
    assert "s3cret" not in str(refused.value)


@pytest.mark.parametrize(
    ("sender", "problem"),
    [
        ("1688活动提醒", "has no email address"),
        ("提醒 <reminders@>", "has no email address"),
        ("提醒 <提醒@example.com>", "is not ASCII"),
        ("提醒 <a b@example.com>", "the address"),
    ],
)
def test_a_sender_that_is_no_mailbox_is_refused(sender: str, problem: str) -> None:
    with pytest.raises(ConfigError, match="CALENDAR_MAIL_FROM") as refused:
        load_settings(mail_from=sender)
    assert problem in str(refused.value)


def test_a_sender_with_a_display_name_in_any_script_is_taken() -> None:
    assert mailbox("1688活动提醒 <reminders@example.com>") == (
        "1688活动提醒",
        "reminders@example.com",
    )
    assert load_settings(mail_from="reminders@example.com").sender == "reminders@example.com"


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("smtp://u:s3cret@mail.example.com/inbox", "nothing may follow the host and port"),
        ("smtp://u@mail.example.com", "give the password with the user"),
        ("smtps://u:s3cret@mail.example.com?starttls=1", "TLS from the start"),
    ],
)
def test_an_smtp_url_the_transport_cannot_use_is_refused_at_start(url: str, problem: str) -> None:
    with pytest.raises(ConfigError) as refused:
        load_settings(smtp_url=url)
    message = str(refused.value)
    assert problem in message and "s3cret" not in message
    assert message.count("CALENDAR_SMTP_URL") == 1
    with pytest.raises(ValueError, match=problem):
        parse_smtp_url(url)  # the transport's parse says the same


def test_an_smtp_url_the_settings_take_is_the_transports() -> None:
    url = "smtp://u:s3cret@mail.example.com:587?starttls=1"
    config = parse_smtp_url(load_settings(smtp_url=url).smtp_url or "")
    assert (config.host, config.port, config.security) == ("mail.example.com", 587, "starttls")
