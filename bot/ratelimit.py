"""Rate limiting for every request the bot makes: python-telegram-bot's AIORateLimiter, tuned.

Telegram allows about 30 messages a second overall and 20 a minute per group or channel.
AIORateLimiter's limiters are leaky buckets: `AsyncLimiter(n, t)` lets a burst of `n` through
and then `n` per `t` seconds, so right after a burst up to almost `2n` pass within one window of
`t`. `bucket_for` turns "at most M in any window of S seconds" into bucket parameters that
really keep it: a burst of about a quarter of M, then a steady rate low enough that burst plus
steady flow never exceed M in any window (proof in its docstring).

`RateLimiter` adds one thing to AIORateLimiter: a hook, set per task through `ON_THE_WIRE`, that
runs when a request has left the queue and is about to go out. The broadcast Deliverer uses it
to mark a delivery `sending` only then, so a crash while a message waits its turn leaves the
delivery `pending` (sent after a restart) rather than `uncertain` (never sent again).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Coroutine
from contextvars import ContextVar
from typing import Any

from telegram.ext import AIORateLimiter

from bot.settings import Settings

logger = logging.getLogger(__name__)

Hook = Callable[[], Awaitable[None]]
JSONDict = dict[str, Any]

WINDOW_MARGIN = 1.01

# Set by a sender around one Bot API call; the limiter awaits it just before the HTTP request.
ON_THE_WIRE: ContextVar[Hook | None] = ContextVar("on_the_wire", default=None)


def bucket_for(messages: int, seconds: float) -> tuple[float, float]:
    """(max_rate, time_period) for an AsyncLimiter never passing more than `messages` per window.

    A leaky bucket of capacity B draining r per second lets k requests through between times
    t1 and t2 only if k <= B + r * (t2 - t1): the level never exceeds B after a request and never
    drops below zero. In a window of length S, t2 - t1 < S, so k < B + r * S. Choosing
    r = (M + 1 - B) / S gives k < M + 1, that is k <= M. AsyncLimiter(B, B / r) is that bucket.
    The window is taken 1% longer than S, so float rounding and a few milliseconds of network
    jitter cannot add one more. (0, 0) turns the limit off, as AIORateLimiter reads it.
    """
    if messages <= 0:
        return 0, 0
    burst = max(1, messages // 4)
    rate = (messages + 1 - burst) / (seconds * WINDOW_MARGIN)
    return burst, burst / rate


class RateLimiter(AIORateLimiter):
    """AIORateLimiter with the `ON_THE_WIRE` hook; otherwise exactly PTB's."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | JSONDict | list[JSONDict]:
        """Queue the request as AIORateLimiter does; run the caller's hook when it leaves."""
        hook = ON_THE_WIRE.get()
        if hook is None:
            return await super().process_request(
                callback, args, kwargs, endpoint, data, rate_limit_args
            )

        async def on_the_wire(*call_args: Any, **call_kwargs: Any) -> Any:
            await hook()
            return await callback(*call_args, **call_kwargs)

        return await super().process_request(
            on_the_wire, args, kwargs, endpoint, data, rate_limit_args
        )


def build_rate_limiter(settings: Settings) -> RateLimiter:
    """The limiter for the Application's bot, from the RATE_LIMIT_* settings."""
    overall_rate, overall_period = bucket_for(
        settings.rate_limit_overall_messages, settings.rate_limit_overall_seconds
    )
    group_rate, group_period = bucket_for(
        settings.rate_limit_group_messages, settings.rate_limit_group_seconds
    )
    logger.debug("rate limits: overall %s per %ss, per group %s per %ss", overall_rate,
                 overall_period, group_rate, group_period)
    return RateLimiter(
        overall_max_rate=overall_rate,
        overall_time_period=overall_period,
        group_max_rate=group_rate,
        group_time_period=group_period,
        max_retries=settings.rate_limit_max_retries,
    )
