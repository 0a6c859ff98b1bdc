"""Posting to a robot's webhook (placeholder: the URL checks)."""

from __future__ import annotations

import ipaddress
from urllib.parse import parse_qs, urlsplit


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_webhook_url(url: str) -> str:
    """The URL, trimmed; ValueError saying what to write unless it is https (http only on a
    loopback address: a local relay, the tests)."""
    url = url.strip()
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme == "https" and host:
        return url
    if parts.scheme == "http" and _loopback(host):
        return url
    raise ValueError(
        "a robot's webhook must be an https:// URL (http only on a loopback address): "
        "copy it from the group robot's settings"
    )


def mask_webhook(url: str) -> str:
    """The URL as people may see it: the host and the token's last 4 characters."""
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    token = (query.get("access_token") or query.get("key") or [parts.path.rstrip("/")])[0]
    return f"{parts.hostname or '?'} …{token[-4:]}"
