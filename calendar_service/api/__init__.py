"""The JSON API under /api/: snapshots in, stores, verdicts, windows, subscriptions out."""

from calendar_service.api.routes import api_router

__all__ = ["api_router"]
