"""Reminder emails: the day's message of a recipient rendered (Jinja2 templates) and built as
an RFC 5322 message."""

from calendar_service.mail.day import StoreItem, render_day
from calendar_service.mail.message import (
    CalendarLinks,
    MailLinks,
    Rendered,
    build_day_message,
    single_line,
)
from calendar_service.mail.render import RenderError

__all__ = [
    "CalendarLinks",
    "MailLinks",
    "RenderError",
    "Rendered",
    "StoreItem",
    "build_day_message",
    "render_day",
    "single_line",
]
