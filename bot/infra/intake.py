"""Durable intake: every update Telegram hands over is journalled before it is confirmed.

The Updater (polling) and the webhook server put updates into `Intake`, an `asyncio.Queue`
whose `put` first writes the update to a SQLite journal in DATA_DIR. Polling confirms updates to
Telegram (the next getUpdates offset) only after `put` returned, and the webhook answers 200
only then, so an update Telegram considers delivered is always on disk. A repeated `update_id`
(a webhook retry, a re-fetch after a crash) is recognised by the journal and dropped.

From the journal, updates are fed to the Application in small numbers: at most `per_lane` of
one chat (its "lane") and `window` in all, taking lanes in turn. A busy group's backlog waits in
the journal, not in memory, and never holds up other chats. `LaneProcessor` (the Application's
update processor) runs different lanes concurrently and each lane in order.

Each update is a row whose state tells what is owed:

| state | meaning | after a restart |
|---|---|---|
| pending | nothing has left for Telegram yet | answered |
| sending | a request for it left (or was on the wire) | `uncertain`: never answered again |
| done | handled (answered, or nothing to answer) | kept a while to recognise repeats |
| failed | transient failures outlasted every retry | kept, logged |
| expired | an inline query too old to answer after a restart | kept |

So a kill -9 at any moment loses nothing that was owed and answers nothing twice; the one
exception is a reply that was on the wire at the moment of the kill: it may or may not have
arrived, and it is not sent again (the same rule as broadcast deliveries). A reply that failed
for a transient reason (flood control, 5xx, a refused connection) after the limiter's own
retries is not replaced by an apology: its update goes back to the journal and is tried again
after a pause, in order with the rest of its chat.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import json
import logging
import os
import sqlite3
import time
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from telegram import Bot, Update
from telegram.ext import BaseUpdateProcessor

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]

logger = logging.getLogger(__name__)

JOURNAL_NAME = "intake.sqlite3"
WINDOW = 512
PER_LANE = 2
# Re-tries of an update whose reply failed for a transient reason: pauses between them.
RETRY_PAUSES = (5.0, 15.0, 30.0, 60.0, 120.0, 300.0)
# An inline query is useless to answer after this long; Telegram forgets it.
INLINE_MAX_AGE = 30.0
# Handled rows are kept this long to recognise repeats (Telegram keeps updates 24 hours).
KEEP_SECONDS = 2 * 86400.0
_SCHEMA = """
CREATE TABLE IF NOT EXISTS updates (
    update_id    INTEGER PRIMARY KEY,
    lane         TEXT NOT NULL,
    kind         TEXT NOT NULL,
    payload      TEXT,
    state        TEXT NOT NULL CHECK (state IN
                   ('pending', 'sending', 'done', 'uncertain', 'failed', 'expired')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    received_at  REAL NOT NULL,
    updated_at   REAL NOT NULL,
    detail       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS updates_state ON updates (state, update_id);
"""

Clock = Callable[[], float]

# The update the current task is handling (set by LaneProcessor), for the error handler.
CURRENT: ContextVar[Ticket | None] = ContextVar("briefing_bot_ticket", default=None)


class IntakeError(Exception):
    """The journal cannot be used; the message is one line naming the file."""


def lane_of(update: object) -> str:
    """The lane an update belongs to: its chat, else its user (inline queries)."""
    if isinstance(update, Update):
        if update.effective_chat is not None:
            return f"c{update.effective_chat.id}"
        if update.effective_user is not None:
            return f"u{update.effective_user.id}"
    return "-"


def _kind(update: Update) -> str:
    return next((k for k in Update.ALL_TYPES if getattr(update, k, None) is not None), "other")


class Journal:
    """The SQLite file of received updates. One process owns it (an flock beside it)."""

    def __init__(self, path: Path, clock: Clock = time.time) -> None:
        self.path = path
        self._clock = clock
        self._lock_fd: int | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._take_lock()
            self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA busy_timeout=2000")
            self._db.executescript(_SCHEMA)
            self._db.execute("SELECT count(*) FROM updates").fetchone()
        except IntakeError:
            raise
        except (OSError, sqlite3.Error) as exc:
            self._release_lock()
            raise IntakeError(
                f"cannot use the update journal {path}: {exc} (check that DATA_DIR is writable; "
                "if the file is corrupt, move it aside: it holds only questions not yet answered)"
            ) from None

    def _take_lock(self) -> None:
        lock_path = self.path.with_name(self.path.name + ".lock")
        try:
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise IntakeError(f"cannot create the lock file {lock_path}: {exc.strerror}") from None
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                raise IntakeError(
                    f"another 'briefing-bot run' is using {self.path.parent}: run one bot per "
                    "DATA_DIR (stop the other, or give this one its own DATA_DIR)"
                ) from None
        self._lock_fd = fd

    def _release_lock(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    def close(self) -> None:
        """Close the file and let another process take it."""
        with contextlib.suppress(sqlite3.Error):
            self._db.close()
        self._release_lock()

    def record(self, update_id: int, lane: str, kind: str, payload: str) -> bool:
        """Journal a new update; False when this update_id was seen before (a repeat)."""
        now = self._clock()
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO updates (update_id, lane, kind, payload, state, received_at,"
            " updated_at) VALUES (?, ?, ?, ?, 'pending', ?, ?)",
            (update_id, lane, kind, payload, now, now),
        )
        return cursor.rowcount > 0

    def mark(self, update_id: int, state: str, detail: str = "", retried: bool = False) -> None:
        """Record what became of an update; a handled one keeps no payload."""
        keep = state in ("pending", "sending")
        self._db.execute(
            "UPDATE updates SET state = ?, detail = ?, updated_at = ?,"
            " attempts = attempts + ?, payload = CASE WHEN ? THEN payload ELSE NULL END"
            " WHERE update_id = ?",
            (state, detail, self._clock(), 1 if retried else 0, keep, update_id),
        )

    def recover(self) -> int:
        """After a crash: rows left `sending` may have been answered; never answer them again."""
        cursor = self._db.execute(
            "UPDATE updates SET state = 'uncertain', payload = NULL, updated_at = ?,"
            " detail = 'a reply was on its way when the bot stopped; not repeated'"
            " WHERE state = 'sending'",
            (self._clock(),),
        )
        return cursor.rowcount

    def owed(self) -> list[tuple[int, str, int, float, str]]:
        """Pending updates in order: (update_id, lane, attempts, received_at, kind)."""
        rows = self._db.execute(
            "SELECT update_id, lane, attempts, received_at, kind FROM updates"
            " WHERE state = 'pending' ORDER BY update_id"
        ).fetchall()
        return [(int(r[0]), str(r[1]), int(r[2]), float(r[3]), str(r[4])) for r in rows]

    def payload(self, update_id: int) -> str | None:
        """The update as Telegram sent it (JSON), while it is owed."""
        row = self._db.execute("SELECT payload FROM updates WHERE update_id = ?",
                               (update_id,)).fetchone()
        return str(row[0]) if row and row[0] is not None else None

    def counts(self) -> dict[str, int]:
        """How many updates are in each state."""
        rows = self._db.execute("SELECT state, count(*) FROM updates GROUP BY state").fetchall()
        return {str(state): int(count) for state, count in rows}

    def prune(self) -> int:
        """Forget handled updates older than KEEP_SECONDS."""
        cursor = self._db.execute(
            "DELETE FROM updates WHERE state NOT IN ('pending', 'sending') AND updated_at < ?",
            (self._clock() - KEEP_SECONDS,),
        )
        return cursor.rowcount


@dataclass
class Ticket:
    """One update being handled: told by the limiter when its replies leave
    (`bot.infra.ratelimit`)."""

    update_id: int
    lane: str
    attempts: int
    journal: Journal
    state: str = "pending"
    delivered: bool = False
    # Set by the error handler when a reply failed for a transient reason.
    retry_reason: str | None = None
    finished: bool = field(default=False)

    async def leaving(self, endpoint: str) -> None:
        """A request for this update is about to leave: it may be answered from now on."""
        if not self.finished and self.state == "pending":
            self.journal.mark(self.update_id, "sending")
            self.state = "sending"

    async def not_sent(self, endpoint: str) -> None:
        """The request did not reach Telegram; if nothing else did, the update is still owed."""
        if not self.finished and self.state == "sending" and not self.delivered:
            self.journal.mark(self.update_id, "pending")
            self.state = "pending"

    async def arrived(self, endpoint: str) -> None:
        """Telegram accepted a request for this update."""
        self.delivered = True

    def retry_later(self, reason: str) -> None:
        """The reply failed for a transient reason: try the update again later, if still owed."""
        self.retry_reason = reason


class Intake(asyncio.Queue[object]):
    """The Updater's and webhook's queue: journals each update, then feeds the Application."""

    def __init__(self, journal: Journal, *, window: int = WINDOW, per_lane: int = PER_LANE,
                 clock: Clock = time.time) -> None:
        super().__init__()
        self.journal = journal
        self.window = window
        self.per_lane = per_lane
        self._clock = clock
        self._target: asyncio.Queue[object] | None = None
        self._bot: Bot | None = None
        self._owed: dict[str, collections.deque[int]] = {}
        self._inflight: dict[str, int] = {}
        self._blocked: dict[str, float] = {}
        self._ready: collections.deque[str] = collections.deque()
        self._queued: set[str] = set()
        self._total = 0
        self._live: dict[int, Update] = {}
        self._meta: dict[int, tuple[int, float, str]] = {}
        self._tickets: dict[int, Ticket] = {}
        self._running = False
        self.stopping = False
        self.idle = asyncio.Event()
        self.idle.set()

    # ----------------------------------------------------------------- lifecycle

    def start(self, target: asyncio.Queue[object], bot: Bot) -> int:
        """Recover after a crash, then feed `target` (the Application's queue); owed count."""
        self._target, self._bot = target, bot
        uncertain = self.journal.recover()
        if uncertain:
            logger.warning("%d question(s) were being answered when the bot stopped; their "
                           "replies may have arrived and are not sent again", uncertain)
        pruned = self.journal.prune()
        if pruned:
            logger.debug("forgot %d handled update(s)", pruned)
        owed = self.journal.owed()
        for update_id, lane, attempts, received_at, kind in owed:
            self._owe(update_id, lane, attempts, received_at, kind)
        if owed:
            logger.info("%d question(s) owed from before the restart: answering them", len(owed))
        self._running = True
        self._dispatch()
        return len(owed)

    def stop(self) -> None:
        """Feed nothing more; updates not yet being handled stay owed in the journal."""
        self.stopping = True
        self._running = False
        if self._target is None:
            return
        while True:
            try:
                item = self._target.get_nowait()
            except asyncio.QueueEmpty:
                break
            self._target.task_done()
            if isinstance(item, Update):
                self._release(lane_of(item))

    # ----------------------------------------------------------------- intake

    async def put(self, item: object) -> None:
        """Journal an update from the Updater (or webhook) before it counts as delivered."""
        if not isinstance(item, Update):
            return
        self.accept(item, json.dumps(item.to_dict(), ensure_ascii=False))

    def put_nowait(self, item: object) -> None:
        """Same as `put`: journalling never waits for room."""
        if isinstance(item, Update):
            self.accept(item, json.dumps(item.to_dict(), ensure_ascii=False))

    def accept(self, update: Update, payload: str) -> bool:
        """Journal an update; False for a repeat of one already journalled."""
        lane, kind = lane_of(update), _kind(update)
        if not self.journal.record(update.update_id, lane, kind, payload):
            logger.info("update %d arrived again; already handled or owed, ignored",
                        update.update_id)
            return False
        self._owe(update.update_id, lane, 0, self._clock(), kind)
        if len(self._live) < self.window:
            self._live[update.update_id] = update
        self._dispatch()
        return True

    def _owe(self, update_id: int, lane: str, attempts: int, received: float, kind: str) -> None:
        self._owed.setdefault(lane, collections.deque()).append(update_id)
        self._meta[update_id] = (attempts, received, kind)
        self._rotate(lane)
        self.idle.clear()

    # ----------------------------------------------------------------- feeding

    def _dispatch(self) -> None:
        """Move owed updates to the Application while there is room, lanes taken in turn.

        A lane that is busy (`per_lane` in flight) or resting after a failure leaves the
        rotation; it comes back when one of its tickets finishes or its rest is over.
        """
        if not self._running or self._target is None:
            return
        while self._ready and self._total < self.window:
            lane = self._ready.popleft()
            self._queued.discard(lane)
            owed = self._owed.get(lane)
            if not owed:
                self._owed.pop(lane, None)
                continue
            if self._inflight.get(lane, 0) >= self.per_lane or lane in self._blocked:
                continue
            update_id = owed.popleft()
            update = self._load(update_id)
            self._rotate(lane)
            if update is None:
                continue
            self._inflight[lane] = self._inflight.get(lane, 0) + 1
            self._total += 1
            self._target.put_nowait(update)
        self._check_idle()

    def _rotate(self, lane: str) -> None:
        """Put a lane (back) in the rotation if it owes something and is not there yet."""
        if lane not in self._queued and self._owed.get(lane):
            self._queued.add(lane)
            self._ready.append(lane)

    def _load(self, update_id: int) -> Update | None:
        _, received, kind = self._meta.get(update_id, (0, self._clock(), "other"))
        if kind == "inline_query" and self._clock() - received > INLINE_MAX_AGE:
            self.journal.mark(update_id, "expired", "inline query too old to answer")
            self._meta.pop(update_id, None)
            self._live.pop(update_id, None)
            return None
        update = self._live.pop(update_id, None)
        if update is None:
            payload = self.journal.payload(update_id)
            if payload is None:
                self._meta.pop(update_id, None)
                return None
            update = Update.de_json(json.loads(payload), self._bot)
        return update

    def _release(self, lane: str) -> None:
        self._total = max(0, self._total - 1)
        left = self._inflight.get(lane, 0) - 1
        if left > 0:
            self._inflight[lane] = left
        else:
            self._inflight.pop(lane, None)

    def _check_idle(self) -> None:
        if not self._inflight and not any(self._owed.values()):
            self.idle.set()

    # ----------------------------------------------------------------- handling

    def begin(self, update: object) -> Ticket | None:
        """The processor starts handling an update: its ticket (None for a non-update)."""
        if not isinstance(update, Update):
            return None
        attempts = self._meta.get(update.update_id, (0, 0.0, ""))[0]
        ticket = Ticket(update.update_id, lane_of(update), attempts, self.journal)
        self._tickets[update.update_id] = ticket
        return ticket

    def abandon(self, update: object) -> None:
        """The bot stops before handling this update: it stays owed for the next start."""
        if isinstance(update, Update):
            self._release(lane_of(update))

    def finish(self, ticket: Ticket) -> None:
        """The handlers are done with an update: done, or owed again after a transient failure."""
        ticket.finished = True
        self._tickets.pop(ticket.update_id, None)
        lane = ticket.lane
        self._release(lane)
        if ticket.retry_reason is not None and not ticket.delivered:
            if ticket.attempts < len(RETRY_PAUSES) and not self.stopping:
                pause = RETRY_PAUSES[ticket.attempts]
                self.journal.mark(ticket.update_id, "pending", ticket.retry_reason, retried=True)
                received = self._meta.get(ticket.update_id, (0, self._clock(), "other"))[1:]
                self._meta[ticket.update_id] = (ticket.attempts + 1, *received)
                self._owed.setdefault(lane, collections.deque()).appendleft(ticket.update_id)
                self._blocked[lane] = self._clock() + pause
                self._queued.discard(lane)
                logger.warning("update %d: reply failed (%s); trying again in %gs",
                               ticket.update_id, ticket.retry_reason, pause)
                asyncio.get_running_loop().call_later(pause, self._wake, lane)
                return
            if self.stopping:
                self.journal.mark(ticket.update_id, "pending", ticket.retry_reason)
                return
            logger.warning("update %d: gave up after %d tries (%s)", ticket.update_id,
                           ticket.attempts + 1, ticket.retry_reason)
            self.journal.mark(ticket.update_id, "failed", ticket.retry_reason)
        else:
            self.journal.mark(ticket.update_id, "done")
        self._meta.pop(ticket.update_id, None)
        self._rotate(lane)
        self._dispatch()

    def _wake(self, lane: str) -> None:
        self._blocked.pop(lane, None)
        self._rotate(lane)
        self._dispatch()


class LaneProcessor(BaseUpdateProcessor):
    """Updates of different chats run concurrently; each chat's run one at a time, in order.

    With an `Intake`, each update gets a `Ticket` for the duration of its handlers (through
    `CURRENT` and `bot.infra.ratelimit.WIRE`), and the intake learns when it is done.
    """

    def __init__(self, max_concurrent_updates: int = WINDOW) -> None:
        super().__init__(max_concurrent_updates)
        self.intake: Intake | None = None
        self._lanes: dict[str, tuple[asyncio.Lock, list[int]]] = {}

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Wait for the chat's earlier updates, then run this one's handlers."""
        from bot.infra.ratelimit import WIRE

        lane = lane_of(update)
        lock, users = self._lanes.setdefault(lane, (asyncio.Lock(), [0]))
        users[0] += 1
        try:
            async with lock:
                intake = self.intake
                if intake is not None and intake.stopping:
                    _close(coroutine)
                    intake.abandon(update)
                    return
                ticket = intake.begin(update) if intake is not None else None
                current, wire = CURRENT.set(ticket), WIRE.set(ticket)
                try:
                    await coroutine
                finally:
                    CURRENT.reset(current)
                    WIRE.reset(wire)
                    if intake is not None and ticket is not None:
                        intake.finish(ticket)
        finally:
            users[0] -= 1
            if not users[0]:
                self._lanes.pop(lane, None)


def _close(coroutine: Awaitable[Any]) -> None:
    close = getattr(coroutine, "close", None)
    if close is not None:
        close()
