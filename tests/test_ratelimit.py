"""Rate limits: never more than the limit in any window, per chat and overall.

The bucket parameters are checked exactly by simulating the leaky bucket; the configured limiter
is checked for real against the fake Bot API, with limits scaled down to seconds.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import ExtBot
from telegram.request import HTTPXRequest

from bot.delivery import Deliverer
from bot.ratelimit import bucket_for, build_rate_limiter
from bot.settings import Secret, Settings
from bot.storage import Store
from tests import telegram_helpers as tg
from tests.fake_bot_api import FakeBotAPI

pytestmark = pytest.mark.usefixtures("no_proxy")


def most_in_a_window(times: Sequence[float], seconds: float) -> int:
    """The largest number of `times` inside any half-open window [t, t + seconds)."""
    ordered = sorted(times)
    best = end = 0
    for start, at in enumerate(ordered):
        while end < len(ordered) and ordered[end] < at + seconds:
            end += 1
        best = max(best, end - start)
    return best


def greedy(max_rate: float, period: float, count: int) -> list[float]:
    """When a leaky bucket (as aiolimiter's) lets `count` requests through, asked at once."""
    rate = max_rate / period
    level, now, times = 0.0, 0.0, []
    for _ in range(count):
        if level + 1 > max_rate:  # wait until one unit has leaked out
            wait = (level + 1 - max_rate) / rate
            now += wait
            level -= wait * rate
        level += 1
        times.append(now)
    return times


@pytest.mark.parametrize(("messages", "seconds"), [
    (20, 60.0), (30, 1.0), (3, 1.0), (1, 5.0), (2, 1.0), (7, 2.5), (100, 10.0),
])
def test_bucket_never_lets_more_than_the_limit_into_any_window(messages: int,
                                                               seconds: float) -> None:
    max_rate, period = bucket_for(messages, seconds)
    times = greedy(max_rate, period, 20 * messages)
    assert most_in_a_window(times, seconds) == messages  # the limit, reached but never passed
    # ... while still close to the allowed throughput over a long run.
    assert len(times) / (times[-1] + seconds) >= 0.7 * messages / seconds


def test_aioratelimiters_own_reading_would_exceed_it() -> None:
    # The reason for bucket_for: AsyncLimiter(20, 60) lets almost 40 through in one minute.
    assert most_in_a_window(greedy(20, 60, 200), 60) == 39


def test_zero_turns_a_limit_off() -> None:
    assert bucket_for(0, 60) == (0, 0)


@pytest.fixture
async def limited_bot(api: FakeBotAPI) -> AsyncIterator[ExtBot[Any]]:
    # Telegram's limits scaled down: 3 a second per group instead of 20 a minute.
    settings = Settings(token=Secret(tg.TOKEN), rate_limit_overall_messages=20,
                        rate_limit_overall_seconds=1.0, rate_limit_group_messages=3,
                        rate_limit_group_seconds=1.0)
    bot: ExtBot[Any] = ExtBot(tg.TOKEN, base_url=api.base_url,
                              rate_limiter=build_rate_limiter(settings),
                              request=HTTPXRequest(connection_pool_size=16))
    await bot.initialize()
    yield bot
    await bot.shutdown()


async def test_broadcasts_and_answers_never_exceed_the_limits(
    api: FakeBotAPI, limited_bot: ExtBot[Any], tmp_path: Path
) -> None:
    chats = [-2001 - i for i in range(10)]
    store = Store.in_directory(tmp_path)
    try:
        for chat_id in chats:
            store.subscribe(chat_id, "supergroup", str(chat_id), None, 1)
        deliverer = Deliverer(limited_bot, store)

        async def broadcasts() -> None:
            for n in range(3):
                await deliverer.deliver(store.create_broadcast("text", f"news {n}", None, 1, 1))

        async def answers(chat_id: int) -> None:  # the bot answering in two busy groups meanwhile
            await asyncio.gather(*(limited_bot.send_message(chat_id, f"answer {n}")
                                   for n in range(8)))

        await asyncio.gather(broadcasts(), answers(chats[0]), answers(chats[-1]))
    finally:
        store.close()

    sent = api.calls("sendMessage")
    assert len(sent) == 3 * len(chats) + 16
    # The server stamps arrivals a few milliseconds after the limiter lets each one go: the
    # windows checked are 20 ms short of a second, on top of the limiter's own 1% margin.
    window = 1.0 - 0.02
    for chat_id in chats:
        times = [c.at for c in sent if c.params["chat_id"] == chat_id]
        assert most_in_a_window(times, window) <= 3, chat_id
    assert most_in_a_window([c.at for c in sent], window) <= 20
    busy = [c.at for c in sent if c.params["chat_id"] == chats[0]]
    assert max(busy) - min(busy) >= (11 - 3) / 3  # it really was held back
