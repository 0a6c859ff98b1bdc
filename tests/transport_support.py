"""What the mail transport tests share: a message to send and a transport to a test server."""

from __future__ import annotations

from email.message import EmailMessage

from calendar_service.mail.transport import SmtpTransport, parse_smtp_url
from tests.smtp_server import SmtpServer


def reminder(n: int = 0, to: str = "seller@example.com", **headers: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "提醒 <reminders@calendar.example.com>"
    msg["To"] = to
    msg["Subject"] = f"报名提醒 #{n}: 天天特卖 截止 2025-06-01"
    for name, value in headers.items():
        msg[name.replace("_", "-")] = value
    msg.set_content(f"您好，第 {n} 条提醒。\n.a line that starts with a dot\n")
    msg.add_alternative(f"<p>您好，第 {n} 条提醒。</p>", subtype="html")
    msg.set_boundary(f"=={n}==")  # else each flattening draws a new one: bytes would differ
    return msg


def transport_for(server: SmtpServer, **url: str) -> SmtpTransport:
    return SmtpTransport(parse_smtp_url(server.url(**url)))
