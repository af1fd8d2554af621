"""Rate limiting and retries for every request the bot makes: the one owner of both.

Telegram allows about 30 messages a second overall, 20 a minute per group or channel, and
advises about one a second per private chat. `Limiter` (a python-telegram-bot
`BaseRateLimiter`) keeps each limit as a sliding window: at most M messages in **any** window
of S seconds, so bursts up to M are allowed and a long run goes at exactly M per S. Only
requests that post or edit a message count; answering a button or an inline query, reading a
chat and the like pass freely.

Windows are per chat, so a busy group waits for its own budget while every other chat goes on.
Waiting is ordered: one lock per chat keeps a chat's messages in order, one FIFO lock hands out
the overall budget in arrival order.

Retries live here and nowhere else:

| Telegram answers | what happens |
|---|---|
| RetryAfter (429) | that chat pauses as asked (other chats go on), then it is tried again |
| 5xx, refused connection, connect timeout | tried again after 0.5 s, 1 s, 2 s, … (at most 8 s) |
| anything else, or a read timeout | raised at once: the message may have been posted |

After `max_retries` retries, or when the next wait would pass `max_wait` seconds since the
first try, the last error is raised. `stop()` makes every waiting request raise `Stopping` at
once, so a stopping bot never waits out a rate limit; such a request certainly was not sent.

`WIRE` lets whoever sends learn when a request really leaves (`leaving`) and when it is known
not to have been posted (`not_sent`): the intake journal and the broadcast deliverer mark their
rows with it, so a crash while a message waits its turn leaves the row owed rather than
uncertain.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
import time
import warnings
from collections.abc import Callable, Coroutine
from contextvars import ContextVar
from datetime import timedelta
from typing import Any, Protocol

import httpx
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

from bot.settings import Settings

logger = logging.getLogger(__name__)

JSONDict = dict[str, Any]
Result = bool | JSONDict | list[JSONDict]
Clock = Callable[[], float]

# A window is taken 1% longer than configured, so float rounding and a few milliseconds of
# network jitter can never let one message too many through.
WINDOW_MARGIN = 1.01
BACKOFF_FIRST = 0.5
BACKOFF_MAX = 8.0
# A flood-control warning is logged at most this often; the others are counted into it.
WARN_EVERY = 10.0
# Methods that post or edit a message: the ones Telegram's flood limits count.
_COUNTED_PREFIXES = ("send", "edit", "copyMessage", "forwardMessage")


class Stopping(NetworkError):
    """The bot is stopping: the request was not sent and will not be."""

    def __init__(self) -> None:
        super().__init__("the bot is stopping; not sent")


class Wire(Protocol):
    """Told when a request of the current task leaves for Telegram and when it surely did not."""

    async def leaving(self, endpoint: str) -> None:
        """The request goes out now (awaited before it does)."""

    async def not_sent(self, endpoint: str) -> None:
        """The request certainly was not posted (refused, 5xx, stopped before it left)."""

    async def arrived(self, endpoint: str) -> None:
        """Telegram accepted the request."""


WIRE: ContextVar[Wire | None] = ContextVar("briefing_bot_wire", default=None)


def not_sent(exc: BaseException) -> bool:
    """True when a failed request certainly was not posted, so trying again cannot duplicate.

    A connect or pool timeout, a refused connection, or an HTTP error status from Telegram
    (5xx: an answer without the message) are safe; a timeout or a dropped connection while
    waiting for the answer is not: Telegram may have posted it.
    """
    if isinstance(exc, Stopping):
        return True
    if isinstance(exc, BadRequest) or not isinstance(exc, NetworkError):
        return False
    cause = exc.__cause__
    if isinstance(exc, TimedOut):
        return isinstance(cause, httpx.ConnectTimeout | httpx.PoolTimeout)
    return cause is None or isinstance(cause, httpx.ConnectError)


def transient(exc: BaseException) -> bool:
    """A failure worth trying again later: flood control, or a network failure before sending."""
    return isinstance(exc, RetryAfter) or not_sent(exc)


def retry_after_seconds(exc: RetryAfter) -> float:
    """RetryAfter's wait in seconds, whichever type this version of PTB gives it."""
    with warnings.catch_warnings():  # int or timedelta, depending on PTB_TIMEDELTA
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value: object = exc.retry_after
    if isinstance(value, timedelta):
        return value.total_seconds()
    return float(value)  # type: ignore[arg-type]


class Window:
    """At most `limit` events in any window of `period` seconds (a log of recent events)."""

    def __init__(self, limit: int, period: float) -> None:
        self.limit = limit
        self.period = period * WINDOW_MARGIN
        self._times: collections.deque[float] = collections.deque()

    def wait(self, now: float) -> float:
        """Seconds until one more event fits (0 when it fits now)."""
        if self.limit <= 0:
            return 0.0
        while self._times and self._times[0] + self.period <= now:
            self._times.popleft()
        if len(self._times) < self.limit:
            return 0.0
        return self._times[0] + self.period - now  # > 0: the loop above made sure

    def record(self, now: float) -> None:
        """Count one event at `now`."""
        if self.limit > 0:
            self._times.append(now)

    @property
    def idle(self) -> bool:
        """No event inside the window any more: the window may be forgotten."""
        return not self._times


class _Chat:
    """One chat's window, order and pause."""

    def __init__(self, window: Window) -> None:
        self.window = window
        self.lock = asyncio.Lock()
        self.paused_until = 0.0
        self.users = 0


class Limiter(BaseRateLimiter[int]):
    """Sliding-window limits per chat and overall, per-chat pauses on 429, bounded retries."""

    def __init__(
        self,
        *,
        overall: tuple[int, float],
        group: tuple[int, float],
        chat: tuple[int, float],
        max_retries: int = 3,
        max_wait: float = 60.0,
        backoff: float = BACKOFF_FIRST,
        clock: Clock = time.monotonic,
    ) -> None:
        self._overall = Window(*overall)
        self._group = group
        self._private = chat
        self.max_retries = max(0, max_retries)
        self.max_wait = max_wait
        self.backoff = backoff
        self._clock = clock
        self._chats: dict[str, _Chat] = {}
        self._overall_lock = asyncio.Lock()
        self._stopping = asyncio.Event()
        self._warned_at = -WARN_EVERY
        self._unwarned = 0

    async def initialize(self) -> None:
        """Nothing to set up: windows are made as chats appear."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    def stop(self) -> None:
        """Every waiting request raises `Stopping` now, and every later one at once."""
        self._stopping.set()

    @property
    def stopping(self) -> bool:
        """True once `stop()` was called."""
        return self._stopping.is_set()

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Result:
        """Wait for the budget, send, and try again after flood control or a failed connection."""
        wire = WIRE.get()
        counted = endpoint.startswith(_COUNTED_PREFIXES)
        chat_key = _chat_key(data.get("chat_id")) if counted else None
        started = self._clock()
        attempt = 0
        while True:
            try:
                if counted:
                    await self._acquire(chat_key)
                elif self.stopping:
                    raise Stopping()
                if wire is not None:
                    await wire.leaving(endpoint)
                result = await callback(*args, **kwargs)
                if wire is not None:
                    await wire.arrived(endpoint)
                return result
            except RetryAfter as exc:
                wait = retry_after_seconds(exc)
                if chat_key is not None:
                    self._pause(chat_key, wait)
                self._flood_warning(endpoint, chat_key, wait)
                error: TelegramError = exc
            except NetworkError as exc:
                if not not_sent(exc):
                    raise
                wait = min(BACKOFF_MAX, self.backoff * 2**attempt)
                error = exc
            if wire is not None:
                await wire.not_sent(endpoint)
            if isinstance(error, Stopping):
                raise error
            attempt += 1
            elapsed = self._clock() - started
            if attempt > self.max_retries or elapsed + wait > self.max_wait:
                raise error
            logger.debug("%s failed (%s); try %d in %.1fs", endpoint, error, attempt + 1, wait)
            if chat_key is None or not isinstance(error, RetryAfter):
                await self._sleep(wait)

    # ----------------------------------------------------------------- the budget

    async def _acquire(self, chat_key: str | None) -> None:
        """Wait until this chat and the whole bot may send one more message; count it."""
        chat = self._chat(chat_key) if chat_key is not None else None
        if chat is None:
            await self._acquire_overall(None)
            return
        chat.users += 1
        try:
            async with chat.lock:
                while True:
                    now = self._clock()
                    wait = max(chat.window.wait(now), chat.paused_until - now)
                    if wait <= 0:
                        break
                    await self._sleep(wait)
                await self._acquire_overall(chat)
        finally:
            chat.users -= 1
            if (not chat.users and chat.window.idle and chat.paused_until <= self._clock()
                    and chat_key is not None):
                self._chats.pop(chat_key, None)

    async def _acquire_overall(self, chat: _Chat | None) -> None:
        async with self._overall_lock:
            while True:
                now = self._clock()
                wait = self._overall.wait(now)
                if wait <= 0:
                    break
                await self._sleep(wait)
            now = self._clock()
            self._overall.record(now)
            if chat is not None:
                chat.window.record(now)

    def _chat(self, key: str) -> _Chat:
        found = self._chats.get(key)
        if found is None:
            limit, period = self._group if key.startswith("g") else self._private
            found = self._chats[key] = _Chat(Window(limit, period))
        return found

    def _pause(self, chat_key: str, seconds: float) -> None:
        chat = self._chat(chat_key)
        chat.paused_until = max(chat.paused_until, self._clock() + seconds)

    async def _sleep(self, seconds: float) -> None:
        """Sleep, unless the bot stops first: then raise `Stopping`."""
        if self.stopping:
            raise Stopping()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), timeout=max(0.0, seconds))
        if self.stopping:
            raise Stopping()

    def _flood_warning(self, endpoint: str, chat_key: str | None, wait: float) -> None:
        """One WARNING line per WARN_EVERY seconds, however many 429s arrive meanwhile."""
        now = self._clock()
        self._unwarned += 1
        if now - self._warned_at < WARN_EVERY:
            return
        more = f" ({self._unwarned - 1} more since the last warning)" if self._unwarned > 1 else ""
        logger.warning("Telegram's flood control: %s to %s must wait %gs%s", endpoint,
                       chat_key or "the bot", wait, more)
        self._warned_at = now
        self._unwarned = 0


def _chat_key(chat_id: object) -> str | None:
    """'g<id>' for groups and channels (negative ids, @usernames), 'p<id>' for private chats."""
    if chat_id is None:
        return None
    with contextlib.suppress(ValueError, TypeError):
        chat_id = int(chat_id)  # type: ignore[call-overload]
    if isinstance(chat_id, int):
        return f"g{chat_id}" if chat_id < 0 else f"p{chat_id}"
    return f"g{chat_id}"


def build_rate_limiter(settings: Settings) -> Limiter:
    """The limiter for the Application's bot, from the RATE_LIMIT_* settings."""
    return Limiter(
        overall=(settings.rate_limit_overall_messages, settings.rate_limit_overall_seconds),
        group=(settings.rate_limit_group_messages, settings.rate_limit_group_seconds),
        chat=(settings.rate_limit_chat_messages, settings.rate_limit_chat_seconds),
        max_retries=settings.rate_limit_max_retries,
        max_wait=settings.rate_limit_max_wait,
    )
