"""Windows that open, or sales windows that start, on a public holiday: said, never moved.

327's sign-up can open in the Spring Festival week and 1118's in the National Day week; the rule
stands, but a verdict, a feed and a mail say so, from the same holiday data the reminders use
(`adapters.workdays`). A year without holiday data says nothing: no guess is shown as a fact.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from calendar_service.domain.cycles import Occurrence
from calendar_service.domain.derived import SALES_WINDOW
from calendar_service.domain.formatting import day_text
from calendar_service.domain.verdicts import Note

# The names chinese_calendar gives, in Chinese.
NAMES_ZH = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",
}


class HolidayCalendar(Protocol):
    """Which public holiday a day falls in (its English name), or None."""

    def holiday(self, day: dt.date) -> str | None: ...


def sales_window_starts_on(occurrence: Occurrence) -> dt.date:
    """The first day of the 30 days before the sign-up deadline (年度大促's sales window)."""
    return (occurrence.deadline_at - SALES_WINDOW).astimezone(occurrence.tz).date()


def holiday_notes(
    occurrence: Occurrence, calendar: HolidayCalendar, sales_window: bool
) -> tuple[Note, ...]:
    """Notes on the sign-up opening, and the sales window starting, on a public holiday."""
    if occurrence.is_series:
        return ()
    found: list[Note] = []
    opens = occurrence.opens_on
    if (name := calendar.holiday(opens)) is not None:
        zh, day, day_en = NAMES_ZH.get(name, name), day_text(opens, "zh-CN"), day_text(opens, "en")
        found.append(
            Note(
                "opens-on-holiday",
                f"报名开放日 {day} 正值{zh}假期:规则不变,请提前准备,留意平台公告",
                f"sign-up opens on {day_en}, during the {name} holiday: the rule stands; prepare "
                "ahead and watch the platform's announcements",
            )
        )
    starts = sales_window_starts_on(occurrence)
    if sales_window and (name := calendar.holiday(starts)) is not None:
        zh, day, day_en = (
            NAMES_ZH.get(name, name),
            day_text(starts, "zh-CN"),
            day_text(starts, "en"),
        )
        found.append(
            Note(
                "sales-window-on-holiday",
                f"统计“报名截止前30天销售额”的窗口从 {day} 开始,正值{zh}假期:假期销量同样计入",
                f"the 30-day sales window starts on {day_en}, during the {name} holiday: holiday "
                "sales count too",
            )
        )
    return tuple(found)
