"""Rendering a dashboard page: the Jinja2 environment, the words of each language, links."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from fastapi.responses import HTMLResponse

from calendar_service.domain.locale import Locale, lang_of

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates"


@functools.cache
def environment(templates_dir: Path = TEMPLATES_DIR) -> jinja2.Environment:
    """Every page autoescaped; an undefined variable is an error, not a blank."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["store_path"] = store_path
    return env


def store_path(store_id: str) -> str:
    """The store page's path, the ID percent-encoded whole: `/`, `?`, `#` and spaces included."""
    return "/stores/" + quote(store_id, safe="")


@functools.cache
def messages(templates_dir: Path = TEMPLATES_DIR) -> dict[str, Any]:
    with (templates_dir / "dashboard" / "messages.toml").open("rb") as file:
        return tomllib.load(file)


@dataclass(frozen=True)
class Lang:
    """The page's language: Chinese unless `?lang=en`, carried in every link and form."""

    locale: Locale

    @classmethod
    def of(cls, value: str | None) -> Lang:
        """The language of a `?lang=` value: English for exactly "en", Chinese otherwise."""
        return cls("en" if value == "en" else "zh-CN")

    @property
    def code(self) -> str:
        """ "zh" or "en", as the query writes it."""
        return lang_of(self.locale)

    @property
    def zh(self) -> bool:
        return self.locale == "zh-CN"

    @property
    def t(self) -> dict[str, Any]:
        return messages()[self.locale]  # type: ignore[no-any-return]  # a TOML table

    def url(self, path: str, **params: str | None) -> str:
        """`path` with the non-empty `params` and `lang=en` when English."""
        query = {k: v for k, v in params.items() if v}
        if self.code == "en":
            query["lang"] = "en"
        return path + (f"?{urlencode(query)}" if query else "")

    def other(self, path: str, **params: str | None) -> str:
        """The same page in the other language."""
        return Lang("zh-CN" if self.locale == "en" else "en").url(path, **params)


def render(template: str, lang: Lang, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A page from `templates/dashboard/<template>`, with `t`, `lang` and `url` in scope."""
    page = environment().get_template(f"dashboard/{template}")
    body = page.render(t=lang.t, lang=lang, url=lang.url, **context)
    return HTMLResponse(body, status_code=status_code, headers={"Cache-Control": "no-store"})
