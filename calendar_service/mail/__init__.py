"""Reminder emails: rendering (Jinja2 templates) and building the RFC 5322 message."""

from calendar_service.mail.message import (
    CalendarLinks,
    MailLinks,
    Rendered,
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
    "build_message",
    "render_digest",
    "render_reminder",
    "render_status_change",
    "single_line",
]
