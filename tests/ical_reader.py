"""Read a feed back into its components, to inspect what `build_feed` wrote, as written.

A strict reader of the feeds' own output for the tests, not a general iCalendar parser:
parameter values are never quoted there, so a line splits at its first colon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


def unfold(data: bytes) -> list[str]:
    """The logical content lines of an iCalendar object."""
    text = data.decode("utf-8")
    if text.endswith("\r\n"):
        text = text[:-2]
    return text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")


def unescape_text(value: str) -> str:
    """A TEXT value unescaped (RFC 5545 §3.3.11)."""
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


@dataclass(frozen=True)
class Prop:
    name: str
    params: dict[str, str]
    value: str  # as written: escaped

    @property
    def text(self) -> str:
        """The value unescaped, for TEXT properties."""
        return unescape_text(self.value)


@dataclass
class Component:
    name: str
    props: list[Prop] = field(default_factory=list)
    children: list[Component] = field(default_factory=list)

    def all(self, name: str) -> list[Prop]:
        """This component's own properties of that name (not its children's)."""
        return [p for p in self.props if p.name == name]

    def one(self, name: str) -> Prop:
        """The property that must appear exactly once; ValueError otherwise."""
        found = self.all(name)
        if len(found) != 1:
            raise ValueError(f"{self.name} has {len(found)} {name} properties, not one")
        return found[0]

    def sub(self, name: str) -> list[Component]:
        return [c for c in self.children if c.name == name]


def read(data: bytes) -> Component:
    """The VCALENDAR a feed holds; ValueError when BEGIN and END do not pair up."""
    stack: list[Component] = [Component("ROOT")]
    for line in unfold(data):
        head, sep, value = line.partition(":")
        if not sep:
            raise ValueError(f"not a content line: {line!r}")
        name, *params = head.split(";")
        if name == "BEGIN":
            child = Component(value)
            stack[-1].children.append(child)
            stack.append(child)
        elif name == "END":
            if stack[-1].name != value or len(stack) == 1:
                raise ValueError(f"END:{value} closes {stack[-1].name}")
            stack.pop()
        else:
            pairs = dict(p.split("=", 1) for p in params)
            stack[-1].props.append(Prop(name, pairs, value))
    if len(stack) != 1 or len(stack[0].children) != 1:
        raise ValueError("a feed is one VCALENDAR, closed")
    return stack[0].children[0]
