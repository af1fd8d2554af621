"""Reproducible benchmarks of briefing-bot: quality against baselines, latency at scale,
cold start and (once the Telegram application exists) throughput.

Run with `python -m benchmarks` (see docs/benchmarks.md); not part of the default test run.
"""
