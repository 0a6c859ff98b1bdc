"""What every response and request goes through: security headers, and a bound on bodies.

Pure ASGI (no BaseHTTPMiddleware), so feeds and pages stream through it untouched.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# No script at all, styles only from the page itself, images from here or the QR code's data:
# URI, forms only to this site, and no framing (clickjacking).
CSP = (
    "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    # Feed and unsubscribe URLs carry tokens: no Referer to other sites. Not `no-referrer`:
    # with it Chromium sends `Origin: null` on our own forms, which the form check refuses.
    (b"referrer-policy", b"same-origin"),
)
# Bodies outside the API are sign-in and button forms of a few hundred bytes; anything bigger
# is refused before it is read, and before anyone has signed in. The API caps its own (5 MB).
MAX_FORM_BODY = 64 * 1024


class WebGuard:
    """Adds the security headers, `Cache-Control: no-store` on the API, bounds form bodies."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_FORM_BODY) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        api = path.startswith("/api/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(k, v) for k, v in HEADERS if k not in present]
                if api and b"cache-control" not in present:
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        if api or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send_with_headers)
            return
        body = await _read_at_most(scope, receive, self.max_body)
        if body is None:
            await _too_large(send_with_headers, self.max_body)
            return
        await self.app(scope, _replay(body, receive), send_with_headers)


async def _read_at_most(scope: Scope, receive: Receive, limit: int) -> bytes | None:
    """The whole body, or None as soon as it is known to be over `limit` bytes."""
    for name, value in scope.get("headers", []):
        if name == b"content-length" and value.isdigit() and int(value) > limit:
            return None
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, then: Receive) -> Receive:
    """The body read already, then the client's own messages (a disconnect, when it comes)."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return await then()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


async def _too_large(send: Send, limit: int) -> None:
    text = f"请求内容过大(上限 {limit // 1024} KB)· request body over {limit // 1024} KB\n"
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": text.encode()})
