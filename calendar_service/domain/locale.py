"""The one language type: a reader's locale, "zh-CN" or "en".

Everything that writes words for people takes a `Locale`. The edges speak other dialects and
translate here, once: the web's and the feeds' `?lang=` query ("zh" / "en", kept as the
documented URLs have them) and the catalog's wording keys ("zh" / "en").
"""

from __future__ import annotations

from typing import Literal, TypeGuard

Locale = Literal["zh-CN", "en"]
Lang = Literal["zh", "en"]  # the query's and the catalog's short codes
LOCALES: tuple[Locale, ...] = ("zh-CN", "en")
DEFAULT_LOCALE: Locale = "zh-CN"


def is_locale(value: str) -> TypeGuard[Locale]:
    """Whether `value` is one of the locales reminders are written in."""
    return value in LOCALES


def locale_of(value: str | None) -> Locale:
    """The locale of a language tag from outside ("zh", "zh-CN", "en", "en-US", None):
    English for any "en…" tag, Chinese otherwise (the service's default)."""
    return "en" if value is not None and value.lower().startswith("en") else "zh-CN"


def lang_of(locale: Locale) -> Lang:
    """The short code of `locale`: the `?lang=` query value and the catalog's wording key."""
    return "en" if locale == "en" else "zh"
