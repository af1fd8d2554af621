"""Subscriptions and broadcasts through the real Application: who may do what, what is sent.

Real Updates go through `Application.process_update`; getChat and getChatMember are answered
by the recording request, which also records every call the bot makes.
"""

from __future__ import annotations

import asyncio
import html
import logging
from collections.abc import Callable
from datetime import UTC, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.app import DAILY_JOB, RESUME_JOB
from bot.context import services_of
from bot.infra.store import Store
from bot.present import texts
from handlers.broadcasts.kinds import quote_candidates
from knowledge import KnowledgeBase
from tests import telegram_helpers as tg
from tests.conftest import HarnessFactory
from tests.telegram_helpers import Call, Harness, sent

BOT_ADMIN: dict[str, Any] = {"id": 4001, "is_bot": False, "first_name": "Root"}
ADMIN_CHAT: dict[str, Any] = {"id": 4001, "type": "private", "first_name": "Root"}
SMALL_GROUP: dict[str, Any] = {"id": -4005, "type": "group", "title": "Book club"}
OTHER_CHANNEL: dict[str, Any] = {"id": -1005555, "type": "channel", "title": "Somebody's"}


def escaped(text: str) -> str:
    return html.escape(text, quote=False)


def store_of(harness: Harness) -> Store:
    found = services_of(harness.application).broadcasting
    assert found is not None
    return found.store.sync


def only(calls: list[Call]) -> Call:
    found = sent(calls)
    assert len(found) == 1, [(c.method, c.params) for c in calls]
    return found[0]


def active(harness: Harness) -> set[int]:
    return {s.chat_id for s in store_of(harness).subscriptions()}


def broadcasts_recorded(harness: Harness) -> int:
    store = store_of(harness)
    count = 0
    while store.broadcast(count + 1) is not None:
        count += 1
    return count


def reports(harness: Harness) -> list[Call]:
    """The end-of-broadcast reports the bot sent."""
    return [c for c in harness.request.of("sendMessage") if c.text.startswith("<b>Broadcast #")]


async def until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    """Let background tasks run until `condition` holds (fails after `timeout`)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.01)


@pytest.fixture
async def bot(make_harness: HarnessFactory) -> Harness:
    """The bot with one bot administrator (BOT_ADMIN); tg.USER is nobody special."""
    return await make_harness(admin_user_ids=frozenset({BOT_ADMIN["id"]}))


def subscribe_group(harness: Harness, chat: dict[str, Any] = tg.GROUP) -> None:
    store_of(harness).subscribe(chat["id"], chat["type"], chat.get("title", ""),
                                chat.get("username"), BOT_ADMIN["id"])


# --------------------------------------------------------------------------- groups


async def test_a_group_member_cannot_subscribe_unsubscribe_or_broadcast(bot: Harness) -> None:
    calls = await bot.feed(tg.message("/subscribe", chat=tg.GROUP))
    assert only(calls).text == escaped(texts.text("only_group_admins"))
    asked = [c for c in calls if c.method == "getChatMember"]
    assert [(c.params["chat_id"], c.params["user_id"]) for c in asked] == [
        (tg.GROUP["id"], tg.USER["id"])]
    assert active(bot) == set()

    subscribe_group(bot)
    calls = await bot.feed(tg.message("/unsubscribe", chat=tg.GROUP))
    assert only(calls).text == escaped(texts.text("only_group_admins"))
    assert active(bot) == {tg.GROUP["id"]}

    for request in ("/broadcast hello everyone", "/broadcast digest", "/broadcast quote"):
        calls = await bot.feed(tg.message(request, chat=tg.GROUP))
        assert only(calls).text == escaped(texts.text("only_bot_admins"))
    assert broadcasts_recorded(bot) == 0
    assert [c.params["chat_id"] for c in bot.request.of("sendMessage")] == [tg.GROUP["id"]] * 5


async def test_a_group_admin_who_is_not_a_bot_admin_cannot_broadcast(bot: Harness) -> None:
    bot.request.set_member(tg.GROUP, tg.USER, "administrator")
    subscribe_group(bot)
    calls = await bot.feed(tg.message("/broadcast digest", chat=tg.GROUP))
    assert only(calls).text == escaped(texts.text("only_bot_admins"))
    assert broadcasts_recorded(bot) == 0


@pytest.mark.parametrize("status", ["administrator", "creator"])
async def test_a_group_admin_subscribes_and_unsubscribes(bot: Harness, status: str) -> None:
    bot.request.set_member(tg.GROUP, tg.USER, status)
    calls = await bot.feed(tg.message("/subscribe", chat=tg.GROUP))
    assert only(calls).text == escaped(texts.text("subscribed_here"))
    subscription = store_of(bot).subscription(tg.GROUP["id"])
    assert subscription is not None and subscription.active
    assert (subscription.title, subscription.chat_type, subscription.added_by) == (
        "Policy club", "supergroup", tg.USER["id"])
    again = await bot.feed(tg.message("/subscribe@briefing_test_bot", chat=tg.GROUP))
    assert only(again).text == escaped(texts.text("already_subscribed_here"))

    calls = await bot.feed(tg.message("/unsubscribe", chat=tg.GROUP))
    assert only(calls).text == escaped(texts.text("unsubscribed_here"))
    assert active(bot) == set()
    gone = store_of(bot).subscription(tg.GROUP["id"])
    assert gone is not None and f"user {tg.USER['id']}" in texts.shown(gone.note)
    again = await bot.feed(tg.message("/unsubscribe", chat=tg.GROUP))
    assert only(again).text == escaped(texts.text("not_subscribed_here"))


async def test_an_anonymous_admin_posting_as_the_group_may_subscribe(bot: Harness) -> None:
    update = tg.message("/subscribe", chat=tg.GROUP, sender=tg.GROUP_ANONYMOUS_BOT,
                        sender_chat=tg.GROUP)
    calls = await bot.feed(update)
    assert only(calls).text == escaped(texts.text("subscribed_here"))
    assert not [c for c in calls if c.method == "getChatMember"]
    assert active(bot) == {tg.GROUP["id"]}
    update = tg.message("/unsubscribe", chat=tg.GROUP, sender=tg.GROUP_ANONYMOUS_BOT,
                        sender_chat=tg.GROUP)
    assert only(await bot.feed(update)).text == escaped(texts.text("unsubscribed_here"))
    assert active(bot) == set()


async def test_posting_as_another_channel_is_not_being_the_groups_admin(bot: Harness) -> None:
    # Even when the person behind it is an admin (or a bot admin): a channel is not one.
    bot.request.set_member(tg.GROUP, tg.USER, "administrator")
    for sender in (tg.USER, BOT_ADMIN):
        update = tg.message("/subscribe", chat=tg.GROUP, sender=sender,
                            sender_chat=OTHER_CHANNEL)
        assert only(await bot.feed(update)).text == escaped(texts.text("only_group_admins"))
    assert active(bot) == set()


async def test_a_bot_admin_may_subscribe_any_group_without_being_its_admin(bot: Harness) -> None:
    calls = await bot.feed(tg.message("/subscribe", chat=SMALL_GROUP, sender=BOT_ADMIN))
    assert only(calls).text == escaped(texts.text("subscribed_here"))
    assert not [c for c in calls if c.method == "getChatMember"]
    assert active(bot) == {SMALL_GROUP["id"]}
    calls = await bot.feed(tg.message("/unsubscribe", chat=SMALL_GROUP, sender=BOT_ADMIN))
    assert only(calls).text == escaped(texts.text("unsubscribed_here"))


# --------------------------------------------------------------------------- private chats


async def test_nobody_but_a_bot_admin_manages_anything_from_a_private_chat(bot: Harness) -> None:
    bot.request.add_chat(tg.CHANNEL)
    bot.request.set_member(tg.CHANNEL, tg.BOT_USER, "administrator")
    subscribe_group(bot)
    for request in ("/subscribe @policy_news", f"/subscribe {tg.CHANNEL['id']}", "/subscribe",
                    f"/unsubscribe {tg.GROUP['id']}", "/unsubscribe @policy_news",
                    "/subscriptions", "/broadcast digest", "/broadcast quote", "/broadcast hi"):
        calls = await bot.feed(tg.message(request))
        assert only(calls).text == escaped(texts.text("only_bot_admins")), request
        assert [c.method for c in calls] == ["sendMessage"], request  # not even a lookup
    assert active(bot) == {tg.GROUP["id"]}
    assert broadcasts_recorded(bot) == 0


async def test_a_bot_admin_subscribes_a_channel_the_bot_can_post_in(bot: Harness) -> None:
    bot.request.add_chat(tg.CHANNEL)
    bot.request.set_member(tg.CHANNEL, tg.BOT_USER, "administrator", can_post_messages=True)
    calls = await bot.feed(tg.message("/subscribe @Policy_News", chat=ADMIN_CHAT,
                                      sender=BOT_ADMIN))
    assert only(calls).text == escaped(texts.text("subscribed_target", title="News"))
    member = next(c for c in calls if c.method == "getChatMember")
    assert (member.params["chat_id"], member.params["user_id"]) == (tg.CHANNEL["id"], tg.BOT_ID)
    subscription = store_of(bot).subscription(tg.CHANNEL["id"])
    assert subscription is not None and subscription.active
    assert (subscription.chat_type, subscription.username) == ("channel", "policy_news")
    again = await bot.feed(tg.message(f"/subscribe {tg.CHANNEL['id']}", chat=ADMIN_CHAT,
                                      sender=BOT_ADMIN))
    assert only(again).text == escaped(texts.text("already_subscribed_target", title="News"))


@pytest.mark.parametrize(("status", "rights"), [
    ("administrator", {"can_post_messages": False}),
    ("member", {}),
    ("left", {}),
    ("kicked", {}),
], ids=["admin-without-posting", "member", "left", "kicked"])
async def test_a_channel_the_bot_cannot_post_in_is_refused(
    bot: Harness, status: str, rights: dict[str, bool]
) -> None:
    bot.request.add_chat(tg.CHANNEL)
    bot.request.set_member(tg.CHANNEL, tg.BOT_USER, status, **rights)
    calls = await bot.feed(tg.message("/subscribe @policy_news", chat=ADMIN_CHAT,
                                      sender=BOT_ADMIN))
    assert only(calls).text == escaped(texts.text("cannot_post", title="News"))
    assert active(bot) == set()


async def test_channel_subscription_names_what_is_wrong(bot: Harness) -> None:
    bot.request.add_chat(tg.GROUP)
    for request, expected in (
        ("/subscribe @nobody_here", texts.text("target_not_found", target="@nobody_here")),
        (f"/subscribe {tg.GROUP['id']}", texts.text('target_not_channel', title="Policy club")),
        ("/subscribe not a channel", texts.text("subscribe_how")),
        ("/subscribe", texts.text("subscribe_how")),
        ("/unsubscribe", texts.text("unsubscribe_how")),
        ("/unsubscribe @nobody_here", texts.text("not_subscribed_target", target="@nobody_here")),
    ):
        calls = await bot.feed(tg.message(request, chat=ADMIN_CHAT, sender=BOT_ADMIN))
        assert only(calls).text == escaped(expected), request
    assert active(bot) == set()


async def test_a_bot_admin_unsubscribes_by_username_or_id_even_when_removed(
    bot: Harness,
) -> None:
    store_of(bot).subscribe(tg.CHANNEL["id"], "channel", "News", "policy_news", 1)
    subscribe_group(bot)
    # The bot was removed from the channel, so getChat no longer finds it: the store does.
    calls = await bot.feed(tg.message("/unsubscribe @POLICY_NEWS", chat=ADMIN_CHAT,
                                      sender=BOT_ADMIN))
    label = f"News @policy_news ({tg.CHANNEL['id']})"
    assert only(calls).text == escaped(texts.text("unsubscribed_target", title=label))
    assert not [c for c in calls if c.method == "getChat"]
    calls = await bot.feed(tg.message(f"/unsubscribe {tg.GROUP['id']}", chat=ADMIN_CHAT,
                                      sender=BOT_ADMIN))
    assert "Unsubscribed Policy club" in only(calls).text
    assert active(bot) == set()


async def test_subscriptions_lists_every_target_with_its_state(bot: Harness) -> None:
    calls = await bot.feed(tg.message("/subscriptions", chat=ADMIN_CHAT, sender=BOT_ADMIN))
    assert only(calls).text == escaped(texts.text("no_subscriptions"))
    store = store_of(bot)
    store.subscribe(tg.CHANNEL["id"], "channel", "News <&>", "policy_news", 1)
    subscribe_group(bot)
    store.subscribe(SMALL_GROUP["id"], "group", "Book club", None, 1)
    store.unsubscribe(SMALL_GROUP["id"], "I was removed from the chat (kicked)")
    listing = only(await bot.feed(tg.message("/subscriptions", chat=ADMIN_CHAT,
                                             sender=BOT_ADMIN))).text
    assert listing.startswith(f"<b>{texts.text('subscriptions_heading')}</b>")
    assert (f"<b>News &lt;&amp;&gt;</b> @policy_news — channel <code>{tg.CHANNEL['id']}</code>: "
            "active") in listing
    assert f"<b>Policy club</b> — supergroup <code>{tg.GROUP['id']}</code>: active" in listing
    assert (f"<b>Book club</b> — group <code>{SMALL_GROUP['id']}</code>: unsubscribed "
            "(I was removed from the chat (kicked))") in listing
    # A group is no place to list other chats, even for a bot admin.
    calls = await bot.feed(tg.message("/subscriptions", chat=tg.GROUP, sender=BOT_ADMIN))
    assert only(calls).text == escaped(texts.text("subscriptions_in_private"))


# --------------------------------------------------------------------------- forged buttons


@pytest.mark.parametrize("data", [
    "subscribe", "unsubscribe", "s:-1001234567890", "u:-1001234567890", "b:digest", "b:quote",
    "broadcast", "broadcast:digest", "bc:1", "confirm", "sub:@policy_news", "x:basbug:0:b",
])
async def test_forged_callback_data_triggers_no_admin_action(bot: Harness, data: str) -> None:
    subscribe_group(bot)
    bot.request.set_member(tg.GROUP, tg.USER, "administrator")
    for press in (tg.callback(data), tg.callback(data, chat=tg.GROUP),
                  {**tg.callback(data), "callback_query": {
                      **tg.callback(data)["callback_query"], "from": BOT_ADMIN}}):
        calls = await bot.feed(press)
        assert [c.method for c in calls] == ["answerCallbackQuery"]
        assert calls[0].params["text"] == texts.text("stale_button")
    assert active(bot) == {tg.GROUP["id"]}
    assert broadcasts_recorded(bot) == 0


# --------------------------------------------------------------------------- membership


@pytest.mark.parametrize(("chat", "status", "rights", "gone"), [
    (tg.GROUP, "kicked", {}, True),
    (tg.GROUP, "left", {}, True),
    (tg.GROUP, "restricted", {"can_send_messages": False}, True),
    (tg.GROUP, "restricted", {"can_send_messages": True}, False),
    (tg.GROUP, "member", {}, False),
    (tg.CHANNEL, "administrator", {"can_post_messages": False}, True),
    (tg.CHANNEL, "administrator", {"can_post_messages": True}, False),
    (tg.CHANNEL, "left", {}, True),
], ids=["kicked", "left", "muted", "restricted-but-may-post", "member", "channel-demoted",
        "channel-admin", "channel-left"])
async def test_the_bot_removed_from_a_chat_unsubscribes_it(
    bot: Harness, chat: dict[str, Any], status: str, rights: dict[str, bool], gone: bool
) -> None:
    subscribe_group(bot, chat)
    update = {"update_id": 77, "my_chat_member": {
        "chat": chat, "from": tg.USER, "date": 1,
        "old_chat_member": tg.chat_member(tg.BOT_USER, "administrator"),
        "new_chat_member": tg.chat_member(tg.BOT_USER, status, **rights)}}
    assert await bot.feed(update) == []  # no one to tell: the bot may not post there
    assert active(bot) == (set() if gone else {chat["id"]})
    if gone:
        note = store_of(bot).subscription(chat["id"]).note  # type: ignore[union-attr]
        shown = texts.shown(note)
        assert status in shown or "no longer post" in shown


async def test_a_group_that_becomes_a_supergroup_keeps_its_subscription(bot: Harness) -> None:
    subscribe_group(bot, SMALL_GROUP)
    new_id = -1004005
    await bot.feed(tg.message(chat=SMALL_GROUP, migrate_to_chat_id=new_id))
    assert active(bot) == {new_id}
    moved = store_of(bot).subscription(new_id)
    assert moved is not None and moved.chat_type == "supergroup"
    # The service message in the new supergroup changes nothing more.
    await bot.feed(tg.message(chat={"id": new_id, "type": "supergroup", "title": "Book club"},
                              migrate_from_chat_id=SMALL_GROUP["id"]))
    assert active(bot) == {new_id}


# --------------------------------------------------------------------------- broadcasting


async def test_broadcast_digest_is_recorded_sent_and_reported(
    bot: Harness, knowledge: KnowledgeBase
) -> None:
    subscribe_group(bot)
    subscribe_group(bot, SMALL_GROUP)
    await bot.application.start()
    calls = await bot.feed(tg.message("/broadcast digest", chat=ADMIN_CHAT, sender=BOT_ADMIN))
    assert only(calls).text == escaped(texts.text("broadcast_started", id=1, count=2))
    recorded = store_of(bot).broadcast(1)
    assert recorded is not None and recorded.kind == "digest"
    assert recorded.requested_by == BOT_ADMIN["id"] and recorded.report_chat_id == ADMIN_CHAT["id"]

    await until(lambda: bool(reports(bot)))
    posts = {c.params["chat_id"]: c for c in bot.request.of("sendMessage")
             if c.params["chat_id"] in (tg.GROUP["id"], SMALL_GROUP["id"])}
    assert set(posts) == {tg.GROUP["id"], SMALL_GROUP["id"]}
    digest = posts[tg.GROUP["id"]].text
    assert digest == recorded.body == posts[SMALL_GROUP["id"]].text
    briefing = knowledge.briefings[0]
    first = digest.split("\n\n")[0]
    assert first == (f"<b>{texts.text('digest_heading')}</b>\n<i>{escaped(briefing.title)}</i> "
                     f"({briefing.date}): {escaped(briefing.summary)}")
    for expert in knowledge.experts:
        key = knowledge.entries_for_expert(expert.id)[0]
        assert key.key
        assert f"“{escaped(key.text)}”\n— <b>{escaped(expert.name)}</b>" in digest
    assert digest.count("“") == len(knowledge.experts)
    assert posts[tg.GROUP["id"]].params["parse_mode"] == "HTML"

    report = only(reports(bot))
    assert report.params["chat_id"] == ADMIN_CHAT["id"]
    assert report.text.startswith("<b>Broadcast #1: the report</b>\nSent: 2")
    states = {d.chat_id: d.state for d in store_of(bot).deliveries(1)}
    assert states == {tg.GROUP["id"]: "sent", SMALL_GROUP["id"]: "sent"}
    assert store_of(bot).unfinished_broadcasts() == []


async def test_broadcast_quote_rotates_through_every_quote(
    bot: Harness, knowledge: KnowledgeBase
) -> None:
    subscribe_group(bot)
    await bot.application.start()
    candidates = quote_candidates(knowledge)
    assert sorted(candidates) == sorted(e.id for e in knowledge.entries
                                        if e.expert is not None and e.kind == "quote")
    # Consecutive days take the experts in turn.
    assert [knowledge.entry(c).expert.id for c in candidates[:5]] == [  # type: ignore[union-attr]
        e.id for e in knowledge.experts]
    store = store_of(bot)
    for _ in range(len(candidates) - 1):
        store.next_quote(candidates)  # most of the cycle is used up already
    await bot.feed(tg.message("/broadcast quote", chat=ADMIN_CHAT, sender=BOT_ADMIN))
    await bot.feed(tg.message("/broadcast QUOTE", chat=ADMIN_CHAT, sender=BOT_ADMIN))
    await until(lambda: len([c for c in bot.request.of("sendMessage")
                             if c.params["chat_id"] == tg.GROUP["id"]]) == 2)
    first, second = store.broadcast(1), store.broadcast(2)
    assert first is not None and second is not None
    used = {c for c in candidates if c != first.entry_id}
    assert first.entry_id not in used and second.entry_id in used  # a new cycle began
    entry = knowledge.entry(first.entry_id or "")
    assert entry is not None
    post = next(c for c in bot.request.of("sendMessage") if c.params["chat_id"] == tg.GROUP["id"])
    assert post.text.startswith(
        f"<b>{texts.text('quote_of_the_day')}</b>\n\n“{escaped(entry.text)}”")


async def test_broadcast_text_is_sent_as_written_and_escaped(bot: Harness) -> None:
    subscribe_group(bot)
    await bot.application.start()
    words = "Meeting moved to <Friday> & 18:00.\n\nBring *your* notes."
    await bot.feed(tg.message(f"/broadcast@briefing_test_bot {words}", chat=tg.GROUP,
                              sender=BOT_ADMIN))
    await until(lambda: bool(reports(bot)))
    post = next(c for c in bot.request.of("sendMessage") if "Meeting" in c.text)
    assert post.text == ("Meeting moved to &lt;Friday&gt; &amp; 18:00.\n\nBring *your* notes.")
    assert only(reports(bot)).params["chat_id"] == BOT_ADMIN["id"]  # privately, not the group


async def test_a_broadcast_from_a_group_is_reported_privately_naming_no_chat_there(
    bot: Harness,
) -> None:
    subscribe_group(bot)
    subscribe_group(bot, SMALL_GROUP)
    bot.request.fail("sendMessage", 403, "Forbidden: bot was kicked from the group chat",
                     where=lambda p: p.get("chat_id") == SMALL_GROUP["id"])
    await bot.application.start()
    calls = await bot.feed(tg.message("/broadcast Read the briefing", chat=tg.GROUP,
                                      sender=BOT_ADMIN))
    ack = next(c for c in sent(calls) if c.params["chat_id"] == tg.GROUP["id"])
    assert ack.text == escaped(texts.text("broadcast_started_in_group", id=1))
    await until(lambda: bool(reports(bot)))
    report = only(reports(bot))
    assert report.params["chat_id"] == BOT_ADMIN["id"]
    assert "Book club (-4005): Forbidden: bot was kicked" in report.text
    in_group = [c.text for c in bot.request.of("sendMessage")
                if c.params["chat_id"] == tg.GROUP["id"]]
    assert in_group == [ack.text, "Read the briefing"]  # the ack and the broadcast, no more
    assert not any("Book club" in t or str(SMALL_GROUP["id"]) in t for t in in_group)
    # The admin's private "on its way" message was sent first, and edited when done.
    status = next(c for c in sent(calls) if c.params["chat_id"] == BOT_ADMIN["id"])
    assert status.text == escaped(texts.text("broadcast_started", id=1, count=2))
    done = bot.request.of("editMessageText")[-1]
    assert done.params["chat_id"] == BOT_ADMIN["id"]
    assert done.text == texts.text("broadcast_done", id=1, sent=1, total=2, failed=1)


async def test_an_admin_who_never_wrote_privately_is_told_there_will_be_no_report(
    bot: Harness,
) -> None:
    subscribe_group(bot)
    bot.request.fail("sendMessage", 403, "Forbidden: bot can't initiate conversation with a user",
                     where=lambda p: p.get("chat_id") == BOT_ADMIN["id"])
    await bot.application.start()
    calls = await bot.feed(tg.message("/broadcast hello", chat=tg.GROUP, sender=BOT_ADMIN))
    ack = next(c for c in sent(calls) if c.params["chat_id"] == tg.GROUP["id"])
    assert ack.text == escaped(texts.text("broadcast_started_no_private", id=1))
    await until(lambda: store_of(bot).unfinished_broadcasts() == [])
    assert [c.text for c in bot.request.of("sendMessage")
            if c.params["chat_id"] == tg.GROUP["id"]] == [ack.text, "hello"]


async def test_broadcast_needs_something_and_someone(bot: Harness) -> None:
    calls = await bot.feed(tg.message("/broadcast", chat=ADMIN_CHAT, sender=BOT_ADMIN))
    assert only(calls).text == ("Send /broadcast digest, /broadcast quote, or /broadcast "
                                "followed by an announcement.")
    calls = await bot.feed(tg.message("/broadcast quote", chat=ADMIN_CHAT, sender=BOT_ADMIN))
    assert only(calls).text == escaped(texts.text("nobody_subscribed"))
    assert broadcasts_recorded(bot) == 0
    assert store_of(bot).next_quote(["a"]) == "a"  # no quote of the day was used up


async def test_the_bot_keeps_answering_during_a_broadcast(bot: Harness) -> None:
    subscribe_group(bot)
    gate = bot.request.held[tg.GROUP["id"]] = asyncio.Event()
    await bot.application.start()
    await bot.feed(tg.message("/broadcast hello all", chat=ADMIN_CHAT, sender=BOT_ADMIN))
    await until(lambda: any(c.params.get("chat_id") == tg.GROUP["id"]
                            for c in bot.request.of("sendMessage")))
    # The send to the group hangs; a question is answered meanwhile.
    answer = only(await bot.feed(tg.message("What did Başbuğ say about the Arctic?")))
    assert "Başbuğ" in answer.text
    assert store_of(bot).deliveries(1)[0].state == "sending"
    gate.set()
    await until(lambda: store_of(bot).deliveries(1)[0].state == "sent")


async def test_help_lists_admin_commands_to_whom_they_concern(bot: Harness) -> None:
    mine = only(await bot.feed(tg.message("/help", chat=ADMIN_CHAT, sender=BOT_ADMIN))).text
    theirs = only(await bot.feed(tg.message("/help"))).text
    group = only(await bot.feed(tg.message("/help", chat=tg.GROUP))).text
    assert f"<b>{texts.text('bot_admin_commands_heading')}</b>" in mine
    for usage in ("/broadcast digest | quote | &lt;text&gt;", "/subscriptions",
                  "/subscribe [@channel]"):
        assert usage in mine and usage not in theirs
    assert "/broadcast" not in theirs and "/broadcast" not in group
    assert f"<b>{escaped(texts.text('group_admin_commands_heading'))}</b>\n/subscribe" in group


# --------------------------------------------------------------------------- schedule, resume


async def test_the_daily_quote_is_scheduled_in_the_configured_time_zone(
    make_harness: HarnessFactory,
) -> None:
    harness = await make_harness(broadcast_daily_at=time(9, 30),
                                 broadcast_timezone=ZoneInfo("Europe/Istanbul"))
    job_queue = harness.application.job_queue
    assert job_queue is not None
    jobs = job_queue.get_jobs_by_name(DAILY_JOB)
    assert len(jobs) == 1
    trigger = jobs[0].job.trigger
    assert str(trigger.timezone) == "Europe/Istanbul"
    after = datetime(2024, 1, 1, tzinfo=UTC)
    assert trigger.get_next_fire_time(None, after) == datetime(2024, 1, 1, 6, 30, tzinfo=UTC)
    unscheduled = await make_harness()
    assert unscheduled.application.job_queue is not None
    assert unscheduled.application.job_queue.get_jobs_by_name(DAILY_JOB) == ()


async def test_the_daily_job_sends_the_quote_of_the_day(
    make_harness: HarnessFactory, knowledge: KnowledgeBase
) -> None:
    harness = await make_harness(broadcast_daily_at=time(9, 0))
    application = harness.application
    assert application.job_queue is not None
    job = application.job_queue.get_jobs_by_name(DAILY_JOB)[0]
    await application.start()
    await job.run(application)  # nobody subscribed: nothing recorded, no quote used up
    assert broadcasts_recorded(harness) == 0
    subscribe_group(harness)
    subscribe_group(harness, SMALL_GROUP)
    await job.run(application)
    if harness.errors:
        raise harness.errors[0]
    posts = [c for c in harness.request.of("sendMessage")]
    assert {c.params["chat_id"] for c in posts} == {tg.GROUP["id"], SMALL_GROUP["id"]}
    recorded = store_of(harness).broadcast(1)
    assert recorded is not None and recorded.kind == "quote" and recorded.report_chat_id is None
    entry = knowledge.entry(recorded.entry_id or "")
    assert entry is not None and entry.id == quote_candidates(knowledge)[0]
    assert all(c.text.startswith(f"<b>{texts.text('quote_of_the_day')}</b>") for c in posts)
    assert escaped(entry.text) in posts[0].text


async def test_start_up_resumes_an_interrupted_broadcast_and_reports(bot: Harness) -> None:
    subscribe_group(bot)
    subscribe_group(bot, SMALL_GROUP)
    store = store_of(bot)
    recorded = store.create_broadcast("text", "unfinished business", None, BOT_ADMIN["id"],
                                      ADMIN_CHAT["id"])
    store.mark(recorded.id, tg.GROUP["id"], "sent", "", 1)  # the first went out before a crash
    application = bot.application
    assert application.post_init is not None and application.job_queue is not None
    await application.post_init(application)
    assert application.job_queue.get_jobs_by_name(RESUME_JOB)
    await application.start()  # the job runs once the application does
    await until(lambda: bool(reports(bot)))
    posts = [c for c in bot.request.of("sendMessage") if c.text == "unfinished business"]
    assert [c.params["chat_id"] for c in posts] == [SMALL_GROUP["id"]]
    report = only(reports(bot))
    assert report.params["chat_id"] == ADMIN_CHAT["id"] and "Sent: 2" in report.text
    assert store.unfinished_broadcasts() == []


async def test_without_a_data_directory_help_promises_no_admin_commands(
    make_harness: HarnessFactory,
) -> None:
    harness = await make_harness(data_dir=None, admin_user_ids=frozenset({BOT_ADMIN["id"]}))
    assert services_of(harness.application).broadcasting is None
    group = only(await harness.feed(tg.message("/help", chat=tg.GROUP))).text
    mine = only(await harness.feed(tg.message("/help", chat=ADMIN_CHAT, sender=BOT_ADMIN))).text
    assert "/subscribe" not in group and "/broadcast" not in mine


# --------------------------------------------------------------------------- a failing store


async def test_a_storage_failure_in_a_command_says_why_in_one_line(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    bot.request.set_member(tg.GROUP, tg.USER, "administrator")
    subscribe_group(bot, SMALL_GROUP)
    store_of(bot)._db.execute("PRAGMA query_only = 1")  # SQLite's view of a read-only file
    reason = "the database is read-only (attempt to write a readonly database)"
    with caplog.at_level(logging.WARNING):
        for request, chat, sender, doing in (
            ("/subscribe", tg.GROUP, tg.USER, texts.text("doing_subscribe")),
            (f"/unsubscribe {SMALL_GROUP['id']}", ADMIN_CHAT, BOT_ADMIN,
             texts.text("doing_unsubscribe")),
            ("/broadcast hello", ADMIN_CHAT, BOT_ADMIN, texts.text("doing_broadcast")),
        ):
            calls = await bot.feed(tg.message(request, chat=chat, sender=sender))
            assert only(calls).text == escaped(
                texts.text("storage_failed", doing=doing, reason=reason)), request
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 3 and all("\n" not in r.getMessage() for r in warnings)
    assert "read-only" in warnings[0].getMessage()
    assert not [c for c in bot.request.of("sendMessage")
                if c.text == escaped(texts.text("something_went_wrong"))]


async def test_a_broadcast_whose_lock_path_became_a_directory_stops_with_the_reason(
    bot: Harness,
) -> None:
    subscribe_group(bot)
    lock = store_of(bot).delivery_lock.path
    lock.unlink(missing_ok=True)
    lock.mkdir()
    await bot.application.start()
    await bot.feed(tg.message("/broadcast hello", chat=ADMIN_CHAT, sender=BOT_ADMIN))
    stopped = escaped(texts.text("broadcast_stopped",
        id=1, reason="the delivery lock file is a directory"))
    await until(lambda: any(c.text == stopped for c in bot.request.of("sendMessage")))
    assert [c.params["chat_id"] for c in bot.request.of("sendMessage")
            if c.text == stopped] == [BOT_ADMIN["id"]]
    assert store_of(bot).pending_chats(1) == [tg.GROUP["id"]]  # kept for the next start


# --------------------------------------------------------------------------- progress


async def test_the_admins_message_shows_the_progress_then_done(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    from handlers.broadcasts import sending

    monkeypatch.setattr(sending, "PROGRESS_EVERY", 0.0)  # every chat, for the test
    chats = [-100700 - i for i in range(3)]
    for chat_id in chats:
        store_of(bot).subscribe(chat_id, "supergroup", f"G{chat_id}", None, 1)
    bot.request.fail("sendMessage", 400, "Bad Request: not enough rights to send text messages",
                     where=lambda p: p.get("chat_id") == chats[1])
    await bot.application.start()
    calls = await bot.feed(tg.message("/broadcast hello", chat=ADMIN_CHAT, sender=BOT_ADMIN))
    status = only(calls)
    await until(lambda: bool(reports(bot)))
    edits = bot.request.of("editMessageText")
    assert {(c.params["chat_id"], c.params["message_id"]) for c in edits} == {
        (BOT_ADMIN["id"], 500)} and status.params["chat_id"] == BOT_ADMIN["id"]
    assert [c.text for c in edits] == [
        texts.text("broadcast_progress", id=1, done=1, total=3, sent=1, failed=0),
        texts.text("broadcast_progress", id=1, done=2, total=3, sent=1, failed=1),
        texts.text("broadcast_progress", id=1, done=3, total=3, sent=2, failed=1),
        texts.text("broadcast_done", id=1, total=3, sent=2, failed=1),
    ]
    assert store_of(bot).broadcast(1).progress_message_id == 500  # type: ignore[union-attr]


async def test_progress_edits_are_spaced_out(bot: Harness) -> None:
    for chat_id in range(-100800, -100790):
        store_of(bot).subscribe(chat_id, "supergroup", "G", None, 1)
    await bot.application.start()
    await bot.feed(tg.message("/broadcast hello", chat=ADMIN_CHAT, sender=BOT_ADMIN))
    await until(lambda: bool(reports(bot)))
    # Ten quick sends: no progress edit within PROGRESS_EVERY, only the final one.
    assert [c.text for c in bot.request.of("editMessageText")] == [
        texts.text("broadcast_done", id=1, total=10, sent=10, failed=0)]
