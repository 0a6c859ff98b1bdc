"""Reminder emails: rendering (Jinja2 templates; one store's reminder, or a recipient's day)
and building the RFC 5322 message."""

from calendar_service.mail.day import StoreItem, render_day
from calendar_service.mail.message import (
    CalendarLinks,
    MailLinks,
    Rendered,
    build_day_message,
    build_message,
    single_line,
)
from calendar_service.mail.render import (
    RenderError,
    render_digest,
    render_reminder,
    render_status_change,
)

__all__ = [
    "CalendarLinks",
    "MailLinks",
    "RenderError",
    "Rendered",
    "StoreItem",
    "build_day_message",
    "build_message",
    "render_day",
    "render_digest",
    "render_reminder",
    "render_status_change",
    "single_line",
]
