"""Flood guard: one reader cannot make the bot answer them alone.

Every question, command or button press counts against its sender: at most `limit` in any
window of `seconds`. The first one over gets a polite "slow down"; the rest are dropped
silently until the sender's window has room again. Time is the message's own date when it has
one, so a backlog replayed after a restart is judged by when it was sent, not when it is read.
"""

from __future__ import annotations

import collections
import time
from collections.abc import Callable
from enum import Enum

Clock = Callable[[], float]
# Senders not heard from for this long are forgotten.
FORGET_AFTER = 3600.0


class Verdict(Enum):
    """What to do with one request."""

    ANSWER = "answer"
    SLOW_DOWN = "slow down"  # the first request over the limit: say so once
    DROP = "drop"


class FloodGuard:
    """Per-sender sliding windows of recent requests."""

    def __init__(self, limit: int, seconds: float, clock: Clock = time.time) -> None:
        self.limit = limit
        self.seconds = seconds
        self._clock = clock
        self._seen: dict[int, collections.deque[float]] = {}
        self._warned: set[int] = set()
        self._checked = 0

    def check(self, sender: int | None, when: float | None = None) -> Verdict:
        """Count one request from `sender` at `when` (default now) and judge it."""
        if sender is None or self.limit <= 0:
            return Verdict.ANSWER
        now = self._clock() if when is None else when
        self._forget_idle(now)
        times = self._seen.setdefault(sender, collections.deque())
        while times and times[0] <= now - self.seconds:
            times.popleft()
        if len(times) < self.limit:
            times.append(now)
            self._warned.discard(sender)
            return Verdict.ANSWER
        if sender in self._warned:
            return Verdict.DROP
        self._warned.add(sender)
        return Verdict.SLOW_DOWN

    def _forget_idle(self, now: float) -> None:
        self._checked += 1
        if self._checked % 1000:
            return
        for sender in [s for s, t in self._seen.items() if not t or t[-1] < now - FORGET_AFTER]:
            self._seen.pop(sender, None)
            self._warned.discard(sender)
