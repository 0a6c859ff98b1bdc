"""Benchmarks: each module `bench_*.py` has `main() -> None` and prints a ratio to a baseline."""
