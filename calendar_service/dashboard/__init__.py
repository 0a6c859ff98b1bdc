"""The agency dashboard: server-rendered pages behind a sign-in with an API key."""

from calendar_service.dashboard.routes import dashboard_router

__all__ = ["dashboard_router"]
