"""The unsubscribe links of mails: `/unsubscribe/{token}`. A GET shows the button (mail scanners
fetch links), its POST ends (RFC 8058 one-click). A subscription's token (`{id}.{mac}`, or a
release-0.1.0 one) ends that subscription; a recipient's token (`r.{address}.{mac}`) ends every
active subscription of the address."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from fastapi import FastAPI
from fastapi.responses import HTMLResponse

from calendar_service.bootstrap import Container
from calendar_service.services.recipient_links import unsubscribe_recipient
from calendar_service.services.signed_links import unsubscribe_by_link


def add_unsubscribe_routes(
    app: FastAPI, container: Container, clock: Callable[[], dt.datetime]
) -> None:
    """`GET` and `POST /unsubscribe/{token}`."""
    signer = container.signed_links

    @app.get("/unsubscribe/{token}", response_class=HTMLResponse)
    def unsubscribe_page(token: str) -> HTMLResponse:
        # A GET never unsubscribes: mail scanners fetch links. It shows the button instead.
        action = html.escape(f"/unsubscribe/{token}", quote=True)
        every = signer.recipient_of(token) is not None  # a recipient's: all its stores
        confirm = UNSUBSCRIBE_ALL_CONFIRM if every else UNSUBSCRIBE_CONFIRM
        return HTMLResponse(_page(confirm.format(action=action)))

    @app.post("/unsubscribe/{token}", response_class=HTMLResponse)
    def unsubscribe(token: str) -> HTMLResponse:
        # RFC 8058 one-click: at once, and again harmlessly.
        now = clock()
        if unsubscribe_recipient(signer, container.repository, token, now) is not None:
            return HTMLResponse(_page(UNSUBSCRIBED_ALL))
        if not unsubscribe_by_link(signer, container.repository, token, now):
            return HTMLResponse(_page(UNSUBSCRIBE_UNKNOWN), status_code=404)
        return HTMLResponse(_page(UNSUBSCRIBED))


UNSUBSCRIBE_CONFIRM = """<h1>退订提醒邮件 · Unsubscribe</h1>
<p>不再接收这家店铺的活动报名提醒邮件?<br>Stop the sign-up reminder emails for this store?</p>
<form method="post" action="{action}"><button type="submit">退订 · Unsubscribe</button></form>"""
UNSUBSCRIBED = """<h1>已退订 · Unsubscribed</h1>
<p>您将不再收到这家店铺的提醒邮件。<br>You will get no more reminder emails for this store.</p>"""
UNSUBSCRIBE_ALL_CONFIRM = """<h1>退订提醒邮件 · Unsubscribe</h1>
<p>不再接收所有店铺的活动报名提醒邮件?<br>Stop the sign-up reminder emails for all your stores?</p>
<form method="post" action="{action}">
<button type="submit">全部退订 · Unsubscribe from all</button></form>"""
UNSUBSCRIBED_ALL = """<h1>已退订 · Unsubscribed</h1>
<p>您将不再收到任何店铺的提醒邮件。<br>You will get no more reminder emails for any store.</p>"""
UNSUBSCRIBE_UNKNOWN = """<h1>链接无效 · Unknown link</h1>
<p>这个退订链接无效。<br>This unsubscribe link is not valid.</p>"""


def _page(body: str) -> str:
    return (
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>1688活动提醒</title></head><body>{body}</body></html>"
    )
