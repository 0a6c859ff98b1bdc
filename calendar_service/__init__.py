"""Promotion calendar and reminder service for 1688.com sellers and their agencies."""

__version__ = "0.1.0"
