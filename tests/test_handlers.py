"""Handlers through the real Application: real Updates in, recorded Bot API calls out."""

from __future__ import annotations

import contextlib
import dataclasses
import html
import logging
from typing import Any

import pytest
from telegram.error import BadRequest

from bot.commands import COMMANDS, Where, commands_for, menu
from bot.present import texts
from bot.present.callbacks import MAX_BYTES, parse_callback
from handlers.experts import split_name_and_topic
from knowledge import Entry, KnowledgeBase, Matcher
from tests import telegram_helpers as tg
from tests.conftest import HarnessFactory
from tests.telegram_helpers import Call, Harness, sent

EXPERT_NAMES = ["Dr. Emre Ozan", "Prof. Dr. Mehmet Sait Dilek", "Coşkun Başbuğ", "Onur Öymen",
                "Deniz Berktay"]
BRIEFING_TITLE = "Seeking Cooperation in Global Struggle: Blinken-Lavrov Meeting"


def only(calls: list[Call], method: str = "sendMessage") -> Call:
    """The single call of `method`; fails when there are none or several."""
    found = sent(calls, method)
    assert len(found) == 1, [c.method for c in calls]
    return found[0]


def data_of(call: Call) -> list[str]:
    return [b["callback_data"] for b in call.buttons()]


def escaped(text: str) -> str:
    return html.escape(text, quote=False)


def quote_html(entry: Entry) -> str:
    return escaped(entry.text)


# --------------------------------------------------------------------------- start, help, about


async def test_command_menus_come_from_the_command_table(
    make_harness: HarnessFactory, caplog: pytest.LogCaptureFixture
) -> None:
    harness = await make_harness(admin_user_ids=frozenset({tg.USER["id"], 4242}))
    app = harness.application
    assert app.post_init is not None
    # A bot admin who never started the bot has no private chat to set a menu in: logged only.
    harness.request.fail("setMyCommands", 400, "Bad Request: chat not found",
                         where=lambda p: p["scope"].get("chat_id") == 4242)
    with caplog.at_level(logging.WARNING):
        await app.post_init(app)
    assert "no command menu for bot administrator 4242" in caplog.text
    menus = harness.request.of("setMyCommands")
    by_scope = {(c.params["scope"]["type"], c.params["scope"].get("chat_id")):
                c.params["commands"] for c in menus}
    expected = {
        ("all_private_chats", None): Where.PRIVATE,
        ("all_group_chats", None): Where.GROUP,
        ("all_chat_administrators", None): Where.GROUP_ADMIN,
        ("chat", tg.USER["id"]): Where.BOT_ADMIN,
        ("chat", 4242): Where.BOT_ADMIN,
    }
    assert set(by_scope) == set(expected)
    for scope, where in expected.items():
        assert [c["command"] for c in by_scope[scope]] == [c.name for c in menu(where)]
        assert all(c["description"] for c in by_scope[scope])
    groups = [c["command"] for c in by_scope[("all_group_chats", None)]]
    assert "start" not in groups and "subscribe" not in groups and "broadcast" not in groups
    group_admins = [c["command"] for c in by_scope[("all_chat_administrators", None)]]
    assert {"subscribe", "unsubscribe"} <= set(group_admins) and "broadcast" not in group_admins
    everyone = [c["command"] for c in by_scope[("all_private_chats", None)]]
    assert everyone == [c.name for c in commands_for(Where.PRIVATE)]
    assert "broadcast" not in everyone and "subscriptions" not in everyone
    # Any other menu failing is a real problem and stops start-up.
    harness.request.fail("setMyCommands", 400, "Bad Request: boom")
    with pytest.raises(BadRequest):
        await app.post_init(app)


@pytest.mark.parametrize("command", [c.name for c in COMMANDS])
async def test_every_command_in_the_table_is_answered(harness: Harness, command: str) -> None:
    reply = only(await harness.feed(tg.message(f"/{command}")))
    assert reply.text and reply.params["parse_mode"] == "HTML"


async def test_start_says_what_the_bot_knows_and_how_to_ask(harness: Harness) -> None:
    reply = only(await harness.feed(tg.message("/start")))
    assert escaped(BRIEFING_TITLE) in reply.text
    for name in EXPERT_NAMES:
        assert f"<b>{name}</b>" in reply.text
    for command in commands_for(Where.PRIVATE):
        assert f"/{command.name}" in reply.text
    assert "@briefing_test_bot" in reply.text  # inline mode explained with the real username
    assert reply.params["link_preview_options"] == {"is_disabled": True}
    # The publisher's name holds parentheses of its own: not wrapped in another pair.
    assert "ANKASAM (Ankara Center for Crisis and Policy Studies)" in reply.text
    assert "(ANKASAM (" not in reply.text and "))" not in reply.text


async def test_help_matches_start_and_lists_commands(harness: Harness) -> None:
    start = only(await harness.feed(tg.message("/start")))
    help_ = only(await harness.feed(tg.message("/help")))
    assert help_.text == start.text
    group_help = only(await harness.feed(tg.message("/help", chat=tg.GROUP)))
    assert "/ask" in group_help.text and "mention me" in group_help.text
    assert "/start " not in group_help.text


async def test_start_deep_link_to_an_expert(harness: Harness) -> None:
    reply = only(await harness.feed(tg.message("/start expert-basbug")))
    assert reply.text.startswith("<b>Coşkun Başbuğ</b>")
    assert "Positions 1–5 of 14" in reply.text
    assert "x:basbug:1" in data_of(reply)


async def test_start_deep_link_to_a_topic(harness: Harness, knowledge: KnowledgeBase) -> None:
    reply = only(await harness.feed(tg.message("/start topic-arctic")))
    assert "<b>On The Arctic region</b>" in reply.text
    for entry in knowledge.entries_for_topic("arctic"):
        assert quote_html(entry) in reply.text


async def test_start_deep_link_to_a_quote(harness: Harness, knowledge: KnowledgeBase) -> None:
    entry = knowledge.entries_for_expert("oymen")[0]
    reply = only(await harness.feed(tg.message(f"/start q-{entry.id}")))
    assert quote_html(entry) in reply.text
    assert "<b>Onur Öymen</b>, Retired Ambassador" in reply.text


async def test_start_with_an_unknown_payload_greets(harness: Harness) -> None:
    reply = only(await harness.feed(tg.message("/start expert-nobody")))
    assert reply.text.startswith(escaped(texts.text("welcome")))


async def test_about_describes_the_briefing(harness: Harness) -> None:
    reply = only(await harness.feed(tg.message("/about")))
    for needle in (BRIEFING_TITLE, "Reykjavik", "ANKASAM (Ankara Center for Crisis and Policy "
                   "Studies)", "Özge Eletek", "2021-05-20", "sources/ankasam-blinken-lavrov"):
        assert escaped(needle) in reply.text


# --------------------------------------------------------------------------- questions


async def test_private_question_gets_quotes_with_bold_expert_and_buttons(
    harness: Harness, knowledge: KnowledgeBase
) -> None:
    reply = only(await harness.feed(tg.message("What did Başbuğ say about the Arctic?")))
    arctic = {e.text for e in knowledge.entries_for_topic("arctic") if e.expert
              and e.expert.id == "basbug"}
    assert any(escaped(text) in reply.text for text in arctic)
    assert "— <b>Coşkun Başbuğ</b>, Security and Terrorism Expert" in reply.text
    assert f"<i>{escaped(BRIEFING_TITLE)}</i>" in reply.text
    buttons = {b["text"]: b["callback_data"] for b in reply.buttons()}
    assert buttons["More from Coşkun Başbuğ"] == "x:basbug"
    assert buttons["Topic: The Arctic region"] == "t:arctic"
    assert "reply_parameters" not in reply.params  # no quoting in a private chat


async def test_decline_is_honest_without_a_quote(harness: Harness, knowledge: KnowledgeBase
                                                 ) -> None:
    reply = only(await harness.feed(tg.message("How do I bake sourdough bread?")))
    assert reply.text.startswith("<b>Not covered in this briefing.</b>")
    assert "“" not in reply.text.split("\n", 2)[-1]  # beyond the echo, no quotation at all
    assert all(escaped(e.text) not in reply.text for e in knowledge.entries)
    assert "/expert" in reply.text and "/topics" in reply.text
    assert data_of(reply) == ["tl", "xl"]


async def test_decline_offers_the_questions_it_can_answer(harness: Harness,
                                                          knowledge: KnowledgeBase) -> None:
    reply = only(await harness.feed(tg.message("What did Öymen say about football?")))
    assert "Not covered in this briefing" in reply.text
    assert "You could ask:" in reply.text
    entries = [d for d in data_of(reply) if d.startswith("q:")]
    assert entries, reply.buttons()
    for data in entries:
        entry = knowledge.entry(data[2:])
        assert entry is not None and escaped(entry.questions[0]) in reply.text
        assert escaped(entry.text) not in reply.text  # suggestions, not answers
    opened = only(await harness.feed(tg.callback(entries[0])))
    assert escaped(knowledge.entry(entries[0][2:]).text) in opened.text  # type: ignore[union-attr]


async def test_question_html_is_escaped(harness: Harness) -> None:
    reply = only(await harness.feed(tg.message("<b>Bold</b> & <script>alert(1)</script>")))
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; &lt;script&gt;" in reply.text
    assert "<script>" not in reply.text and "<b>Bold" not in reply.text


async def test_ask_command_in_private(harness: Harness) -> None:
    reply = only(await harness.feed(tg.message("/ask what about Nord Stream?")))
    assert "Nord Stream-2 Project" in reply.text


async def test_ask_without_a_question_explains(harness: Harness) -> None:
    reply = only(await harness.feed(tg.message("/ask")))
    assert reply.text == escaped(texts.text("empty_question"))


# --------------------------------------------------------------------------- experts and topics


async def test_expert_lists_the_five_experts_as_buttons(harness: Harness) -> None:
    reply = only(await harness.feed(tg.message("/expert")))
    assert [b["text"] for b in reply.buttons()] == EXPERT_NAMES
    assert data_of(reply) == ["x:ozan", "x:dilek", "x:basbug", "x:oymen", "x:berktay"]


async def test_expert_by_fuzzy_name(harness: Harness, knowledge: KnowledgeBase) -> None:
    reply = only(await harness.feed(tg.message("/expert oymen")))
    assert reply.text.startswith("<b>Onur Öymen</b>, Retired Ambassador")
    positions = knowledge.entries_for_expert("oymen")
    assert f"Positions 1–5 of {len(positions)}" in reply.text
    assert data_of(reply)[:5] == [f"q:{e.id}" for e in positions[:5]]
    assert "x:oymen:1" in data_of(reply)


async def test_expert_pages_turn_in_place_and_open_a_quote(
    harness: Harness, knowledge: KnowledgeBase
) -> None:
    first = only(await harness.feed(tg.message("/expert basbug")))
    assert "x:basbug:0" not in data_of(first)  # no "previous" on the first page
    shown = tg.bot_message(first.text)
    calls = await harness.feed(tg.callback("x:basbug:1", on=shown))
    assert only(calls, "answerCallbackQuery").params.get("text") is None
    page = only(calls, "editMessageText")
    assert page.params["message_id"] == shown["message_id"]
    assert "Positions 6–10 of 14" in page.text
    assert {"x:basbug:0", "x:basbug:2", "xl"} <= set(data_of(page))
    last = only(await harness.feed(tg.callback("x:basbug:2", on=shown)), "editMessageText")
    assert "Positions 11–14 of 14" in last.text
    assert "x:basbug:3" not in data_of(last)
    entry = knowledge.entries_for_expert("basbug")[10]
    assert f"q:{entry.id}" in data_of(last)
    calls = await harness.feed(tg.callback(f"q:{entry.id}", on=shown))
    opened = only(calls)
    assert quote_html(entry) in opened.text and "<b>Coşkun Başbuğ</b>" in opened.text
    assert not sent(calls, "editMessageText")  # the page stays; the quote is a new message


async def test_more_from_expert_sends_a_new_message(harness: Harness) -> None:
    calls = await harness.feed(tg.callback("x:dilek"))
    assert only(calls).text.startswith("<b>Prof. Dr. Mehmet Sait Dilek</b>")
    assert not sent(calls, "editMessageText")


def positions_in(text: str, knowledge: KnowledgeBase, expert_id: str) -> list[Entry]:
    """The expert's positions quoted in full in a reply, in the order they appear."""
    found = [e for e in knowledge.entries_for_expert(expert_id) if quote_html(e) in text]
    return sorted(found, key=lambda e: text.index(quote_html(e)))


@pytest.mark.parametrize(("command", "expert_id", "topic", "must"), [
    ("/expert oymen crimea", "oymen", "crimea", "Crimea"),
    ("/expert dilek sanctions", "dilek", "sanctions", "sanction"),
    ("/expert mehmet sait dilek sanctions", "dilek", "sanctions", "sanction"),
    ("/expert the ambassador crimea", "oymen", "crimea", "Crimea"),
    ("/expert Prof. Dr. Mehmet Sait Dilek Crimea", "dilek", "Crimea", "Crimea"),
])
async def test_expert_with_a_topic_shows_only_positions_on_it(
    harness: Harness, knowledge: KnowledgeBase, matcher: Matcher, command: str, expert_id: str,
    topic: str, must: str,
) -> None:
    reply = only(await harness.feed(tg.message(command)))
    expert = knowledge.expert(expert_id)
    assert expert is not None
    assert reply.text.startswith(f"<b>{expert.name}</b>")
    assert "Positions 1–" not in reply.text  # not the paged list of everything
    assert f"On “{topic}”" in reply.text
    shown = positions_in(reply.text, knowledge, expert_id)
    assert shown and len(shown) < len(knowledge.entries_for_expert(expert_id))
    assert must in shown[0].text  # the most relevant first, and it is on the topic
    ranked = [a.entry for a in matcher.match(command.split(" ", 1)[1], top=5,
                                             expert_id=expert_id).answers]
    assert shown == [e for e in ranked if e in shown]  # in the matcher's order
    others = [e for x in knowledge.experts if x.id != expert_id
              for e in knowledge.entries_for_expert(x.id)]
    assert not any(quote_html(e) in reply.text for e in others)
    assert f"x:{expert_id}" in data_of(reply)  # "More from" opens all the positions


async def test_expert_silent_on_a_topic_says_so_and_points_to_who_is_quoted(
    harness: Harness, knowledge: KnowledgeBase
) -> None:
    reply = only(await harness.feed(tg.message("/expert oymen nord stream")))
    assert escaped(texts.text("expert_silent_on_topic", name="Onur Öymen",
                                                      topic="nord stream")) in reply.text
    assert escaped(texts.text("others_on_topic", names="Deniz Berktay")) in reply.text
    assert not positions_in(reply.text, knowledge, "oymen")  # no quote that does not answer
    suggested = [d[2:] for d in data_of(reply) if d.startswith("q:")]
    assert "berktay-nord-stream" in suggested
    assert {"tl", "xl"} <= set(data_of(reply))


async def test_expert_and_a_topic_nobody_covers(harness: Harness) -> None:
    reply = only(await harness.feed(tg.message("/expert ozan pasta recipes")))
    assert "Dr. Emre Ozan is not quoted on “pasta recipes”" in reply.text
    assert escaped(texts.text("nobody_on_topic")) in reply.text


@pytest.mark.parametrize(("text", "expert_id", "topic"), [
    ("oymen crimea", "oymen", "crimea"),
    ("mehmet sait dilek sanctions", "dilek", "sanctions"),
    ("the ambassador crimea", "oymen", "crimea"),
    ("The Ambassador", "oymen", ""),
    ("berktay eastern europe", "berktay", "eastern europe"),
    ("oymn crimea", "oymen", "crimea"),
    ("crimea oymen", "oymen", "crimea"),
    ("basbug", "basbug", ""),
    ("emre ozan the iran deal", "ozan", "the iran deal"),
])
def test_expert_name_and_topic_are_split(
    matcher: Matcher, text: str, expert_id: str, topic: str
) -> None:
    named = split_name_and_topic(matcher, text)
    assert named is not None and (named.expert.id, named.topic) == (expert_id, topic)
    assert split_name_and_topic(matcher, "zorro crimea") is None


async def test_unknown_expert_shows_the_list(harness: Harness) -> None:
    reply = only(await harness.feed(tg.message("/expert zorro")))
    assert "No expert matches “zorro”" in reply.text
    assert len(reply.buttons()) == 5


async def test_topics_list_and_a_topic_grouped_by_expert(
    harness: Harness, knowledge: KnowledgeBase
) -> None:
    listing = only(await harness.feed(tg.message("/topics")))
    assert "t:arctic" in data_of(listing) and "t:sanctions" in data_of(listing)
    assert all(parse_callback(d, knowledge) is not None for d in data_of(listing))
    view = only(await harness.feed(tg.callback("t:sanctions")))
    assert view.text.startswith("<b>On Sanctions</b>")
    entries = knowledge.entries_for_topic("sanctions")
    assert entries
    for entry in entries:
        at = view.text.index(escaped(entry.text))
        assert entry.expert is not None
        heading = view.text.index(f"<b>{entry.expert.name}</b>")
        assert heading < at  # under its expert's heading
        later = [view.text.find(f"<b>{x.name}</b>", heading + 1) for x in knowledge.experts]
        assert all(p < 0 or p > at or p == heading for p in later)
    assert view.text.count("<b>Prof. Dr. Mehmet Sait Dilek</b>") == 1  # grouped, not repeated


async def test_a_long_topic_is_split_at_paragraphs(
    make_harness: HarnessFactory, knowledge: KnowledgeBase
) -> None:
    tension = knowledge.topic("tension")
    assert tension is not None
    everything = dataclasses.replace(knowledge, entries=tuple(
        dataclasses.replace(e, topics=(*e.topics, tension)) if tension not in e.topics else e
        for e in knowledge.entries
    ))
    harness = await make_harness(everything)
    messages = sent(await harness.feed(tg.callback("t:tension")))
    assert len(messages) >= 3
    for message in messages:
        assert len(message.text) <= 4096
        assert message.text.count("<b>") == message.text.count("</b>")
        assert message.text.count("<i>") == message.text.count("</i>")
    joined = "\n\n".join(m.text for m in messages)
    for entry in everything.entries_for_topic("tension"):
        assert escaped(entry.text) in joined


@pytest.mark.parametrize("data", [
    "x:nobody", "x:basbug:99", "x:basbug:-1", "x:basbug:01", "q:no-such-entry", "t:nowhere",
    "t:../etc", "xl:extra", "", "zz", "q:" + "a" * 70, "x:BASBUG", "'; drop table", "x::0",
])
async def test_forged_or_stale_buttons_get_a_polite_answer(harness: Harness, data: str) -> None:
    calls = await harness.feed(tg.callback(data))
    answer = only(calls, "answerCallbackQuery")
    assert answer.params["text"] == texts.text("stale_button")
    assert [c.method for c in calls] == ["answerCallbackQuery"]


async def test_every_button_fits_64_bytes_and_parses_back(
    harness: Harness, knowledge: KnowledgeBase
) -> None:
    updates: list[dict[str, Any]] = [tg.message("/expert"), tg.message("/topics"),
                                     tg.message("How do I bake bread?"),
                                     tg.message("What did Öymen say about football?")]
    for expert in knowledge.experts:
        updates.append(tg.callback(f"x:{expert.id}"))
        updates.extend(tg.callback(f"x:{expert.id}:{n}") for n in range(1, 3))
    for entry in knowledge.entries:
        updates.append(tg.callback(f"q:{entry.id}"))
        updates.append(tg.message(entry.questions[0]))
    seen: set[str] = set()
    for update in updates:
        for call in await harness.feed(update):
            seen.update(data_of(call))
    assert len(seen) > 100
    for data in seen:
        assert len(data.encode("utf-8")) <= MAX_BYTES, data
        assert parse_callback(data, knowledge) is not None, data


# --------------------------------------------------------------------------- inline mode


async def test_inline_query_returns_quotes(harness: Harness) -> None:
    answer = only(await harness.feed(tg.inline("sanctions")), "answerInlineQuery")
    results = answer.params["results"]
    assert 1 <= len(results) <= 10
    assert answer.params["cache_time"] == 5
    for result in results:
        assert result["type"] == "article"
        content = result["input_message_content"]
        assert f"<b>{result['title']}</b>" in content["message_text"]
        assert content["parse_mode"] == "HTML"
        words = result["description"].rstrip("…")
        assert escaped(words) in content["message_text"]
    assert any("sanction" in r["input_message_content"]["message_text"].lower() for r in results)


async def test_empty_inline_query_features_each_experts_key_quote(
    harness: Harness, knowledge: KnowledgeBase
) -> None:
    answer = only(await harness.feed(tg.inline("")), "answerInlineQuery")
    results = answer.params["results"]
    assert [r["title"] for r in results] == EXPERT_NAMES
    keys = {e.id for e in knowledge.entries if e.key}
    assert {r["id"] for r in results} == keys


async def test_inline_query_with_no_answer_offers_the_chat(harness: Harness) -> None:
    answer = only(await harness.feed(tg.inline("sourdough bread recipe")), "answerInlineQuery")
    assert answer.params["results"] == []
    assert answer.params["button"]["start_parameter"] == "help"


async def test_inline_query_never_exceeds_ten_results(harness: Harness) -> None:
    answer = only(await harness.feed(tg.inline("arctic russia usa tension")), "answerInlineQuery")
    assert len(answer.params["results"]) <= 10


# --------------------------------------------------------------------------- groups


async def test_group_ask_is_answered_as_a_reply(harness: Harness) -> None:
    update = tg.message("/ask What about Nord Stream?", chat=tg.GROUP)
    reply = only(await harness.feed(update))
    assert reply.params["chat_id"] == tg.GROUP["id"]
    assert "Nord Stream-2 Project" in reply.text
    assert reply.params["reply_parameters"]["message_id"] == update["message"]["message_id"]


async def test_group_command_addressed_to_this_bot(harness: Harness) -> None:
    reply = only(await harness.feed(tg.message("/expert@briefing_test_bot basbug",
                                               chat=tg.GROUP)))
    assert reply.text.startswith("<b>Coşkun Başbuğ</b>")


async def test_group_command_for_another_bot_is_ignored(harness: Harness) -> None:
    assert await harness.feed(tg.message("/expert@some_other_bot basbug", chat=tg.GROUP)) == []


async def test_group_mention_is_answered_without_the_mention(harness: Harness) -> None:
    reply = only(await harness.feed(tg.message("@briefing_test_bot what about Nord Stream?",
                                               chat=tg.GROUP)))
    assert "Nord Stream-2 Project" in reply.text


async def test_group_bare_mention_explains_how_to_ask(harness: Harness) -> None:
    reply = only(await harness.feed(tg.message("@briefing_test_bot", chat=tg.GROUP)))
    assert reply.text == escaped(texts.text("empty_question"))


async def test_group_reply_to_the_bot_is_answered(harness: Harness) -> None:
    earlier = tg.bot_message("an answer", chat=tg.GROUP)
    reply = only(await harness.feed(tg.message("And what about sanctions?", chat=tg.GROUP,
                                               reply_to=earlier)))
    assert "sanction" in reply.text.lower()


async def test_group_chatter_gets_no_answer(harness: Harness) -> None:
    someone = {**tg.bot_message("hi", chat=tg.GROUP), "from": tg.OTHER_USER}
    for update in (
        tg.message("What did Başbuğ say about the Arctic?", chat=tg.GROUP),
        tg.message("@someone_else what about Nord Stream?", chat=tg.GROUP),
        tg.message("I agree about sanctions", chat=tg.GROUP, reply_to=someone),
    ):
        assert await harness.feed(update) == []


# --------------------------------------------------------------------------- unsupported updates


async def test_non_text_in_private_gets_a_hint(harness: Harness) -> None:
    for update in (tg.sticker(), tg.photo()):
        assert only(await harness.feed(update)).text == escaped(texts.text("text_only"))


@pytest.mark.parametrize("update", [
    tg.sticker(chat=tg.GROUP),
    tg.photo(chat=tg.GROUP),
    tg.message("What about the Arctic?", kind="edited_message"),
    tg.message("/start", kind="edited_message"),
    tg.message("What about the Arctic?", chat=tg.CHANNEL, kind="channel_post"),
    tg.message("/start", chat=tg.CHANNEL, kind="channel_post"),
    tg.message("edited", chat=tg.CHANNEL, kind="edited_channel_post"),
    {"update_id": 99, "my_chat_member": {
        "chat": tg.GROUP, "from": tg.USER, "date": 1,
        "old_chat_member": {"status": "left", "user": tg.BOT_USER},
        "new_chat_member": {"status": "member", "user": tg.BOT_USER}}},
], ids=["group-sticker", "group-photo", "edited", "edited-command", "channel-post",
        "channel-command", "edited-channel-post", "my-chat-member"])
async def test_unserved_updates_are_ignored_quietly(harness: Harness,
                                                    update: dict[str, Any]) -> None:
    assert await harness.feed(update) == []


# --------------------------------------------------------------------------- errors and secrets


async def test_error_handler_logs_and_says_little(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    harness.request.fail("sendMessage", 400, "Bad Request: internal detail at /srv/app/x.py")
    update = tg.message("/about")
    with caplog.at_level(logging.DEBUG), pytest.raises(BadRequest, match=r"(?i)internal detail"):
        await harness.feed(update)
    apology = harness.request.of("sendMessage")[-1]
    assert apology.text == texts.text("something_went_wrong")
    assert "internal" not in apology.text and tg.TOKEN not in apology.text
    record = next(r for r in caplog.records if r.name == "handlers.errors")
    assert record.exc_info is not None and isinstance(record.exc_info[1], BadRequest)
    assert f"update {update['update_id']} (message, chat 1001, user 1001)" in record.getMessage()


async def test_error_in_a_button_is_answered_on_the_button(harness: Harness) -> None:
    harness.request.fail("sendMessage", 400, "Bad Request: boom")
    with pytest.raises(BadRequest):
        await harness.feed(tg.callback("q:basbug-arms-race"))
    answers = harness.request.of("answerCallbackQuery")
    assert answers[-1].params["text"] == texts.text("something_went_wrong")


async def test_the_token_never_reaches_the_logs(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    secret = tg.TOKEN.split(":", 1)[1]
    harness.request.fail("sendMessage", 400, "Bad Request: x")
    with caplog.at_level(logging.DEBUG):
        for update in (tg.message("/start"), tg.message("Arctic?"), tg.inline("arctic"),
                       tg.callback("x:basbug:1"), tg.callback("forged")):
            with contextlib.suppress(BadRequest):
                await harness.feed(update)
    assert caplog.records  # something was logged, so the check below means something
    assert secret not in caplog.text


async def test_a_reply_dropped_on_the_wire_is_one_warning_and_no_apology(
    caplog: pytest.LogCaptureFixture
) -> None:
    # The connection broke after the request left (httpx.ReadError): the reply may have
    # arrived, so it is neither sent again nor followed by "something went wrong", and the
    # log says so in one line, without a traceback.
    import types

    import httpx
    from telegram.error import NetworkError

    from handlers.errors import on_error

    error = NetworkError("httpx.ReadError: connection reset by peer")
    error.__cause__ = httpx.ReadError("connection reset by peer")
    context = types.SimpleNamespace(error=error)
    with caplog.at_level(logging.DEBUG):
        await on_error(object(), context)  # type: ignore[arg-type]
    records = [r for r in caplog.records if r.name == "handlers.errors"]
    assert len(records) == 1 and records[0].levelno == logging.WARNING
    assert records[0].exc_info is None
    assert "may not have arrived" in records[0].getMessage()
