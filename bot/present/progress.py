"""`briefing-bot broadcast`'s progress on stderr, so a long broadcast is not silent.

On a terminal, a bar redrawn in place (carriage return); from cron (stderr is not a tty), a
plain line every PERCENT_STEP percent or every LINE_SECONDS seconds, whichever comes first, so
the mail cron sends shows how it went without a line per chat.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

from bot.infra.delivery import progress_counts
from bot.infra.store import AsyncStore
from bot.present import texts

BAR_WIDTH = 30
BAR_SECONDS = 0.1  # a terminal redraws at most this often
PERCENT_STEP = 10
LINE_SECONDS = 10.0


class TerminalProgress:
    """A `bot.infra.delivery.Progress` hook that writes the counts of a broadcast to a stream."""

    def __init__(self, store: AsyncStore, stream: TextIO, tty: bool | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 language: str = texts.DEFAULT_LANGUAGE) -> None:
        self.store = store
        self.language = language
        self.stream = stream
        self.tty = stream.isatty() if tty is None else tty
        self.clock = clock
        self._last = {"drawn": float("-inf"), "line": clock()}
        self._step = 0
        self._broadcast: int | None = None

    async def __call__(self, broadcast_id: int) -> None:
        if broadcast_id != self._broadcast:  # a new broadcast (resume does several)
            self._broadcast, self._step = broadcast_id, 0
            self._last["line"] = self.clock()
        now = self.clock()
        if self.tty and now - self._last["drawn"] < BAR_SECONDS:
            counts = await self.store.counts(broadcast_id)
            if progress_counts(counts)["done"] < sum(counts.values()):
                return  # too soon to redraw, and not the last chat
        else:
            counts = await self.store.counts(broadcast_id)
        self.show(broadcast_id, progress_counts(counts), now)

    def show(self, broadcast_id: int, counts: dict[str, int], now: float) -> None:
        """Draw the bar, or print a line if a step or LINE_SECONDS has passed (or at the end)."""
        done, total = counts["done"], max(counts["total"], 1)
        percent = done * 100 // total
        last = done >= counts["total"]
        if self.tty:
            filled = BAR_WIDTH * done // total
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            self.stream.write("\r" + texts.text("progress_bar", self.language,
                id=broadcast_id, bar=bar, percent=percent, **counts) + ("\n" if last else ""))
            self.stream.flush()
            self._last["drawn"] = now
            return
        step = percent // PERCENT_STEP
        if step > self._step or last or now - self._last["line"] >= LINE_SECONDS:
            if last and self._step > 100:
                return  # the final line was printed already
            self._step = 101 if last else step
            self._last["line"] = now
            line = texts.text("progress_line", self.language, id=broadcast_id, **counts)
            self.stream.write(line + "\n")
            self.stream.flush()
