"""What a day's message tells of a store (pure): only what its reader can act on.

A reminder row is planned for a subscription whatever the store's data; whether it is worth a
line is decided when the message is written, from the latest data:

- an eligible store, or one whose data is missing (`unknown`: told with what to import), hears
  every reminder of a window: when it opens, when the sales window starts, 7 and 1 days before;
- a store that cannot sign up (`ineligible`) hears when the window opens, with the gap; before
  the deadline (and when the sales window starts) only if what it lacks changed since it was
  told, or a forecast says the gap closes by the deadline; nothing at all when its subscriber
  asked to hear only of stores that can sign up (`include_ineligible`);
- an invitation-only activity has no sign-up reminders: a store showing the invitation signals
  gets one line when the window opens;
- a status change is told only while it holds (a store that flipped back has no news).
"""

from __future__ import annotations

from calendar_service.domain.catalog import Activity, CriterionKind
from calendar_service.domain.planning import (
    DIGEST,
    ELIGIBLE,
    INELIGIBLE,
    INVITATION_SIGNAL,
    OPENS,
    STATUS_CHANGE,
)
from calendar_service.domain.verdicts import Verdict


def signature(verdict: Verdict) -> str:
    """What a message said of a store: its status and the criteria it failed or could not be
    judged on ("ineligible:buyers-30d,dispute-rate"); compared with the next verdict."""
    keys = sorted({j.key for j in verdict.criteria if j.status in ("fail", "unknown")})
    return f"{verdict.status}:{','.join(keys)}"


def shows_invitation_signals(verdict: Verdict) -> bool:
    """The store, or its best product, shows at least one invitation signal."""
    criteria = list(verdict.criteria)
    if verdict.products:
        criteria += verdict.products[0].criteria
    return any(
        j.status == "signal" and j.kind is CriterionKind.INVITATION and j.met for j in criteria
    )


def gap_can_close(verdict: Verdict) -> bool:
    """A forecast says a failed figure reaches its threshold by the deadline."""
    return any(f.before_deadline for f in verdict.forecasts)


def worth_telling(
    kind: str,
    activity: Activity,
    verdict: Verdict,
    told: str | None,
    include_ineligible: bool,
    changed_to: str | None = None,
) -> bool:
    """Whether a reminder of `kind` says anything the reader can act on, given the store's
    verdict now and what an earlier message told of this store and window (`signature`, or
    None). `changed_to` is a status change's new status."""
    if kind == INVITATION_SIGNAL or activity.invitation_only:
        return kind == INVITATION_SIGNAL and shows_invitation_signals(verdict)
    if kind == STATUS_CHANGE:
        if verdict.status != changed_to:
            return False  # flipped back since it was noticed
        return changed_to == ELIGIBLE or include_ineligible
    if kind == DIGEST:
        return True
    if verdict.status != INELIGIBLE:
        return True
    if not include_ineligible:
        return False
    if kind == OPENS:
        return True
    return told is None or told != signature(verdict) or gap_can_close(verdict)
