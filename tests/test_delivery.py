"""The Deliverer with a real Bot and rate limiter against the fake Bot API on 127.0.0.1.

Each Telegram failure is injected by the fake server and its outcome asserted: what the store
records, what the report says, and what the server received (never the same chat twice).
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import ExtBot
from telegram.request import HTTPXRequest

from bot.infra.delivery import Deliverer, Report
from bot.infra.ratelimit import Limiter, build_rate_limiter
from bot.infra.store import AsyncStore, Broadcast, Store
from bot.present import texts
from bot.settings import Secret, Settings
from tests import telegram_helpers as tg
from tests.fake_bot_api import FakeBotAPI
from tests.test_ratelimit import waiting_in

pytestmark = pytest.mark.usefixtures("no_proxy")

CHATS = [-1005, -1004, -1003, -1002, -1001]  # subscription order (same second: by id)
BotFactory = Callable[..., Awaitable[ExtBot[Any]]]


@pytest.fixture
async def make_bot(api: FakeBotAPI) -> AsyncIterator[BotFactory]:
    """A Bot on the fake server with the app's rate limiter; limits off unless given."""
    made: list[ExtBot[Any]] = []

    async def make(read_timeout: float = 5.0, backoff: float = 0.05, **limits: Any
                   ) -> ExtBot[Any]:
        limits = {"rate_limit_overall_messages": 0, "rate_limit_group_messages": 0, **limits}
        settings = Settings(token=Secret(tg.TOKEN), **limits)
        limiter = build_rate_limiter(settings)
        limiter.backoff = backoff
        bot: ExtBot[Any] = ExtBot(
            tg.TOKEN, base_url=api.base_url, rate_limiter=limiter,
            request=HTTPXRequest(read_timeout=read_timeout, connect_timeout=1.0),
        )
        await bot.initialize()
        made.append(bot)
        return bot

    yield make
    for bot in made:
        await bot.shutdown()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    found = Store.in_directory(tmp_path)
    for chat_id in CHATS:
        found.subscribe(chat_id, "supergroup", f"Group {chat_id}", None, 1)
    yield found
    found.close()


def deliverer(bot: ExtBot[Any], store: Store) -> Deliverer:
    return Deliverer(bot, AsyncStore(store))


def received(api: FakeBotAPI, text: str = "hello") -> list[int]:
    """Chat ids the server got the broadcast in, in order, repeats included."""
    return [int(c.params["chat_id"]) for c in api.calls("sendMessage") if c.text == text]


def states(store: Store, broadcast: Broadcast) -> dict[int, str]:
    return {d.chat_id: d.state for d in store.deliveries(broadcast.id)}


async def test_every_chat_gets_it_once_and_the_report_says_so(
    api: FakeBotAPI, make_bot: BotFactory, store: Store
) -> None:
    broadcast = store.create_broadcast("text", "hello", None, 1, 1)
    report = await deliverer(await make_bot(), store).deliver(broadcast)
    assert received(api) == CHATS
    assert report == Report(broadcast.id, sent=CHATS)
    assert store.unfinished_broadcasts() == []
    call = api.calls("sendMessage")[0]
    assert call.params["parse_mode"] == "HTML"
    assert call.params["link_preview_options"] == {"is_disabled": True}


async def test_429_waits_as_telegram_asks_then_sends(
    api: FakeBotAPI, make_bot: BotFactory, store: Store
) -> None:
    api.fail("sendMessage", chat_id=-1002, status=429,
             description="Too Many Requests: retry after 1", parameters={"retry_after": 1})
    broadcast = store.create_broadcast("text", "hello", None, 1, 1)
    report = await deliverer(await make_bot(rate_limit_max_retries=2), store).deliver(broadcast)
    assert report.sent == CHATS and states(store, broadcast)[-1002] == "sent"
    tries = [c for c in api.calls("sendMessage") if c.params["chat_id"] == -1002]
    assert len(tries) == 2
    assert tries[1].at - tries[0].at >= 1.0  # the limiter waited as long as Telegram asked
    assert received(api) == [-1005, -1004, -1003, -1002, -1002, -1001]


async def test_429_for_ever_fails_after_exactly_the_limiters_retries(
    api: FakeBotAPI, make_bot: BotFactory, store: Store
) -> None:
    # One owner of retries: RATE_LIMIT_MAX_RETRIES=2 means three sends, not three times three.
    api.fail("sendMessage", chat_id=-1003, times=99, status=429,
             description="Too Many Requests: retry after 1", parameters={"retry_after": 1})
    broadcast = store.create_broadcast("text", "hello", None, 1, 1)
    report = await deliverer(await make_bot(rate_limit_max_retries=2), store).deliver(broadcast)
    assert report.failed == [(-1003, "flood control (retry after 1s)")]
    assert received(api).count(-1003) == 3
    assert report.sent == [c for c in CHATS if c != -1003]


async def test_429_longer_than_the_wait_bound_fails_without_waiting(
    api: FakeBotAPI, make_bot: BotFactory, store: Store
) -> None:
    api.fail("sendMessage", chat_id=-1003, times=99, status=429,
             description="Too Many Requests: retry after 30", parameters={"retry_after": 30})
    broadcast = store.create_broadcast("text", "hello", None, 1, 1)
    bot = await make_bot(rate_limit_max_retries=5, rate_limit_max_wait=2.0)
    report = await deliverer(bot, store).deliver(broadcast)
    assert report.failed == [(-1003, "flood control (retry after 30s)")]
    assert received(api).count(-1003) == 1
    assert report.sent == [c for c in CHATS if c != -1003]  # the other chats did not wait


@pytest.mark.parametrize("description", [
    "Forbidden: bot was kicked from the supergroup chat",
    "Forbidden: bot is not a member of the channel chat",
])
async def test_403_unsubscribes_and_reports(
    api: FakeBotAPI, make_bot: BotFactory, store: Store, description: str
) -> None:
    api.fail("sendMessage", chat_id=-1002, status=403, description=description)
    broadcast = store.create_broadcast("text", "hello", None, 1, 1)
    report = await deliverer(await make_bot(), store).deliver(broadcast)
    assert report.unsubscribed == [(-1002, description)]
    assert report.sent == [c for c in CHATS if c != -1002]
    gone = store.subscription(-1002)
    assert gone is not None and not gone.active and gone.note == description
    assert received(api).count(-1002) == 1
    later = store.create_broadcast("text", "again", None, 1, 1)
    assert -1002 not in states(store, later)  # no longer a target


async def test_400_chat_not_found_unsubscribes(
    api: FakeBotAPI, make_bot: BotFactory, store: Store
) -> None:
    api.fail("sendMessage", chat_id=-1004, status=400, description="Bad Request: chat not found")
    broadcast = store.create_broadcast("text", "hello", None, 1, 1)
    report = await deliverer(await make_bot(), store).deliver(broadcast)
    assert report.unsubscribed == [(-1004, "Chat not found")]
    assert states(store, broadcast)[-1004] == "unsubscribed"
    assert store.subscription(-1004).active is False  # type: ignore[union-attr]


async def test_other_bad_requests_fail_and_keep_the_subscription(
    api: FakeBotAPI, make_bot: BotFactory, store: Store
) -> None:
    api.fail("sendMessage", chat_id=-1001, status=400,
             description="Bad Request: not enough rights to send text messages to the chat")
    broadcast = store.create_broadcast("text", "hello", None, 1, 1)
    report = await deliverer(await make_bot(), store).deliver(broadcast)
    assert report.failed == [(-1001, "Not enough rights to send text messages to the chat")]
    assert store.subscription(-1001).active is True  # type: ignore[union-attr]
    assert received(api).count(-1001) == 1


async def test_a_migrated_group_is_moved_and_sent_to_its_new_id(
    api: FakeBotAPI, make_bot: BotFactory, store: Store
) -> None:
    new_id = -1009003
    api.fail("sendMessage", chat_id=-1003, status=400,
             description="Bad Request: group chat was upgraded to a supergroup chat",
             parameters={"migrate_to_chat_id": new_id})
    broadcast = store.create_broadcast("text", "hello", None, 1, 1)
    report = await deliverer(await make_bot(), store).deliver(broadcast)
    assert received(api) == [-1005, -1004, -1003, new_id, -1002, -1001]
    assert report.migrated == [(-1003, new_id)]
    assert sorted(report.sent) == sorted([-1001, -1002, new_id, -1004, -1005])
    assert store.subscription(-1003) is None
    moved = store.subscription(new_id)
    assert moved is not None and moved.active and moved.title == "Group -1003"
    assert states(store, broadcast) == {-1001: "sent", -1002: "sent", new_id: "sent",
                                        -1004: "sent", -1005: "sent"}


@pytest.mark.parametrize("status", [500, 502])
async def test_5xx_is_retried_with_backoff_then_sent(
    api: FakeBotAPI, make_bot: BotFactory, store: Store, status: int
) -> None:
    api.fail("sendMessage", chat_id=-1002, times=2, status=status,
             description="Internal Server Error")
    broadcast = store.create_broadcast("text", "hello", None, 1, 1)
    report = await deliverer(await make_bot(backoff=0.2), store).deliver(broadcast)
    assert report.sent == CHATS and received(api).count(-1002) == 3
    tries = [c.at for c in api.calls("sendMessage") if c.params["chat_id"] == -1002]
    assert tries[1] - tries[0] >= 0.2 and tries[2] - tries[1] >= 0.4  # growing pauses


async def test_persistent_5xx_fails_after_the_retries(
    api: FakeBotAPI, make_bot: BotFactory, store: Store
) -> None:
    api.fail("sendMessage", chat_id=-1002, times=99, status=500,
             description="Internal Server Error")
    broadcast = store.create_broadcast("text", "hello", None, 1, 1)
    report = await deliverer(await make_bot(rate_limit_max_retries=3), store).deliver(broadcast)
    assert [(c, texts.shown(r)) for c, r in report.failed] == [
        (-1002, "network: Internal Server Error")]
    assert received(api).count(-1002) == 4
    assert store.subscription(-1002).active is True  # type: ignore[union-attr]
    assert report.sent == [c for c in CHATS if c != -1002]


async def test_a_read_timeout_is_uncertain_and_never_sent_again(
    api: FakeBotAPI, make_bot: BotFactory, store: Store
) -> None:
    # Telegram got the message but its answer did not come in time: it may be posted.
    api.fail("sendMessage", chat_id=-1003, status=None, delay=0.8)
    broadcast = store.create_broadcast("text", "hello", None, 1, 1)
    sender = deliverer(await make_bot(read_timeout=0.2), store)
    report = await sender.deliver(broadcast)
    assert [c for c, _ in report.uncertain] == [-1003]
    assert "not repeated" in texts.shown(report.uncertain[0][1])
    assert report.sent == [c for c in CHATS if c != -1003]
    # Delivering or resuming again never repeats it.
    await sender.deliver(broadcast)
    assert await sender.resume() == []
    await asyncio.to_thread(api.wait_idle)  # the slow answer has come and gone
    assert received(api).count(-1003) == 1 and len(received(api)) == len(CHATS)
    assert store.subscription(-1003).active is True  # type: ignore[union-attr]


async def test_a_refused_connection_is_retried_then_fails(store: Store) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    request = HTTPXRequest(connect_timeout=1.0)
    await request.initialize()  # no getMe: there is no server to answer it
    limiter = build_rate_limiter(Settings(token=Secret(tg.TOKEN), rate_limit_max_retries=1))
    limiter.backoff = 0.05
    bot: ExtBot[Any] = ExtBot(tg.TOKEN, base_url=f"http://127.0.0.1:{port}/bot",
                              request=request, rate_limiter=limiter)
    try:
        broadcast = store.create_broadcast("text", "hello", None, 1, 1)
        report = await deliverer(bot, store).deliver(broadcast)
    finally:
        await request.shutdown()
    # The request certainly never left, so trying again could not duplicate it.
    assert [c for c, _ in report.failed] == CHATS
    assert all(texts.shown(reason).startswith("network: httpx.ConnectError")
               for _, reason in report.failed)
    # Stored by message id, a note reads in whoever's language looks at the report.
    assert all(texts.shown(reason, "tr").startswith("ağ hatası: httpx.ConnectError")
               for _, reason in report.failed)
    assert report.uncertain == []


async def test_a_message_waiting_its_turn_is_pending_not_sending(
    api: FakeBotAPI, make_bot: BotFactory, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One message a second: the second chat waits in the limiter's queue.
    bot = await make_bot(rate_limit_overall_messages=1, rate_limit_overall_seconds=1.0)
    assert isinstance(bot.rate_limiter, Limiter)
    waits = waiting_in(bot.rate_limiter, monkeypatch)
    broadcast = store.create_broadcast("text", "hello", None, 1, 1)
    task = asyncio.create_task(deliverer(bot, store).deliver(broadcast))
    await asyncio.to_thread(api.wait_for, "sendMessage", count=1)
    await asyncio.wait_for(waits.wait(), 5.0)  # the second chat is waiting its turn
    assert states(store, broadcast) == {-1005: "sent", -1004: "pending", -1003: "pending",
                                        -1002: "pending", -1001: "pending"}
    task.cancel()  # as if the process died here
    with pytest.raises(asyncio.CancelledError):
        await task
    # After the restart every waiting chat is sent, none twice and none lost.
    report = await deliverer(await make_bot(), store).deliver(broadcast)
    assert report.sent == CHATS and report.uncertain == []
    assert received(api) == CHATS


async def test_stopping_between_chats_leaves_the_rest_for_the_next_start(
    api: FakeBotAPI, make_bot: BotFactory, store: Store
) -> None:
    broadcast = store.create_broadcast("text", "hello", None, 1, 1)
    sender = deliverer(await make_bot(), store)
    report = await sender.deliver(broadcast, keep_going=lambda: len(received(api)) < 2)
    assert not report.finished and report.sent == CHATS[:2]
    assert [b.id for b in store.unfinished_broadcasts()] == [broadcast.id]
    assert store.pending_chats(broadcast.id) == CHATS[2:]
    [resumed] = await sender.resume()
    assert resumed.finished and resumed.sent == CHATS
    assert received(api) == CHATS


async def test_two_processes_never_send_the_same_broadcast(
    api: FakeBotAPI, make_bot: BotFactory, store: Store
) -> None:
    # `briefing-bot run` and a `briefing-bot broadcast` from cron share DATA_DIR: each has its
    # own connection, bot and deliverer. The delivery lock lets only one of them send.
    other = Store(store.path)
    try:
        broadcast = store.create_broadcast("text", "hello", None, 1, 1)
        limits = {"rate_limit_overall_messages": 10, "rate_limit_overall_seconds": 1.0}
        first = deliverer(await make_bot(**limits), store)
        second = deliverer(await make_bot(**limits), other)
        reports = await asyncio.gather(first.deliver(broadcast), second.resume(),
                                       second.deliver(broadcast))
        assert received(api) == CHATS
        assert reports[0].sent == CHATS and reports[2].sent == CHATS
        assert all(r.uncertain == [] for r in (reports[0], reports[2], *reports[1]))
    finally:
        other.close()
