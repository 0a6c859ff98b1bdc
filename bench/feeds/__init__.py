"""Helpers of `bench/bench_feeds.py`: the app factory its uvicorn subprocess starts."""
