"""The interface language through the real Application: Turkish for Telegram users whose
`language_code` is `tr`, English otherwise; /language overrides it (per reader, per group for
its administrators) and survives a restart; the quotes stay English, Turkish originals are
shown to Turkish readers; broadcasts and the command menus speak both languages.
"""

from __future__ import annotations

import asyncio
import html
from pathlib import Path
from typing import Any

import pytest

from bot.commands import Where, menu
from bot.context import services_of
from bot.infra import notes
from bot.language import from_code, parse
from bot.present import texts
from bot.present.callbacks import SetLanguage, parse_callback
from bot.present.plain import hint_in, result_as_json
from knowledge import KnowledgeBase, Matcher
from knowledge.models import written_in
from knowledge.normalize import question_language
from tests import telegram_helpers as tg
from tests.conftest import HarnessFactory
from tests.telegram_helpers import Call, Harness, sent

TR_USER: dict[str, Any] = {**tg.USER, "language_code": "tr"}
EN_USER: dict[str, Any] = {**tg.USER, "language_code": "en-GB"}
NO_CODE_USER: dict[str, Any] = dict(tg.USER)  # Telegram sends no language_code at all
BOT_ADMIN: dict[str, Any] = {"id": 4001, "is_bot": False, "first_name": "Root",
                             "language_code": "tr"}
ADMIN_CHAT: dict[str, Any] = {"id": 4001, "type": "private", "first_name": "Root"}
OTHER_GROUP: dict[str, Any] = {"id": -4005, "type": "group", "title": "Book club"}


def t(message_id: str, language: str, **fields: object) -> str:
    """A catalogue text as the bot sends it (HTML-escaped)."""
    return html.escape(texts.text(message_id, language, **fields), quote=False)


def one(calls: list[Call]) -> Call:
    found = sent(calls)
    assert len(found) == 1, [(c.method, c.params) for c in calls]
    return found[0]


def labels(call: Call) -> list[str]:
    return [b["text"] for b in call.buttons()]


def press(data: str, user: dict[str, Any], chat: dict[str, Any] | None = None
          ) -> dict[str, Any]:
    update = tg.callback(data, chat=chat)
    update["callback_query"]["from"] = user
    return update


async def say(harness: Harness, text: str, user: dict[str, Any],
              chat: dict[str, Any] | None = None) -> Call:
    return one(await harness.feed(tg.message(text, chat=chat, sender=user)))


# --------------------------------------------------------------------------- resolution


@pytest.mark.parametrize(("code", "language"), [
    ("tr", "tr"), ("tr-TR", "tr"), ("TR", "tr"), ("en", "en"), ("en-GB", "en"), ("de", "en"),
    ("", "en"), (None, "en"),
])
def test_telegram_language_code_picks_the_language(code: str | None, language: str) -> None:
    assert from_code(code) == language


def test_language_names_a_reader_may_type() -> None:
    assert [parse(w) for w in ("tr", "TR", "Türkçe", "turkce", "en", "English", "İngilizce",
                               "de", "")] == ["tr", "tr", "tr", "tr", "en", "en", "en", None,
                                              None]


def test_language_buttons_are_validated() -> None:
    from knowledge import load_knowledge

    kb = load_knowledge()
    assert parse_callback("l:tr", kb) == SetLanguage("tr")
    assert parse_callback("l:de", kb) is None
    assert parse_callback("l:", kb) is None


# --------------------------------------------------------------------------- private chats


async def test_a_turkish_reader_gets_a_turkish_interface(harness: Harness) -> None:
    start = await say(harness, "/start", TR_USER)
    assert t("welcome", "tr") in start.text
    assert t("how_to_ask_private", "tr") in start.text
    assert f"/expert [name] [topic] — {t('command_expert', 'tr')}" in start.text
    assert t("welcome", "en") not in start.text

    helped = await say(harness, "/help", TR_USER)
    assert t("commands_heading", "tr") in helped.text

    experts = await say(harness, "/expert", TR_USER)
    assert experts.text.startswith(t("choose_expert", "tr"))
    page = await say(harness, "/expert basbug", TR_USER)
    assert texts.text("button_all_experts", "tr") in labels(page)
    assert t("positions_page", "tr", first=1, last=5, total=8)[:8] in page.text

    declined = await say(harness, "Yarın İstanbul'da hava nasıl olacak?", TR_USER)
    assert declined.text.startswith(f"<b>{t('not_covered', 'tr')}</b>")
    assert t("try_instead", "tr") in declined.text
    assert labels(declined) == [texts.text("button_all_topics", "tr"),
                                texts.text("button_all_experts", "tr")]
    # With suggestions: the briefing's own questions, asked in Turkish where it has them.
    declined = await say(harness, "Ozan Venezuela hakkında ne dedi?", TR_USER)
    assert declined.text.startswith(f"<b>{t('not_covered', 'tr')}</b>")
    assert t("you_could_ask", "tr") in declined.text
    suggested = labels(declined)[:-2]
    assert suggested and all(written_in(b) == "tr" for b in suggested)
    assert all(f"• {html.escape(b, quote=False)}" in declined.text for b in suggested)

    answered = await say(harness, "Öymen Kırım hakkında ne dedi?", TR_USER)
    assert "<b>Onur Öymen</b>" in answered.text
    assert texts.text("button_more_from", "tr", name="Onur Öymen") in labels(answered)


@pytest.mark.parametrize("user", [EN_USER, NO_CODE_USER], ids=["en", "no language_code"])
async def test_others_get_english(harness: Harness, user: dict[str, Any]) -> None:
    start = await say(harness, "/start", user)
    assert t("welcome", "en") in start.text and t("welcome", "tr") not in start.text
    page = await say(harness, "/expert basbug", user)
    assert "All experts" in labels(page)
    declined = await say(harness, "What is the weather in Paris tomorrow?", user)
    assert declined.text.startswith(f"<b>{t('not_covered', 'en')}</b>")


async def test_the_quotes_stay_in_english(harness: Harness, knowledge: KnowledgeBase) -> None:
    entry = next(e for e in knowledge.entries if e.is_quote)
    opened = one(await harness.feed(press(f"q:{entry.id}", TR_USER)))
    assert html.escape(entry.text, quote=False) in opened.text


async def test_a_turkish_reader_gets_the_biography_in_its_turkish_original(
    harness: Harness, knowledge: KnowledgeBase
) -> None:
    biography = knowledge.entry("context-compiler-biography")
    assert biography is not None and biography.original is not None
    turkish = one(await harness.feed(press("q:context-compiler-biography", TR_USER)))
    assert html.escape(biography.original, quote=False) in turkish.text
    assert "İzmir'de doğdu" in turkish.text
    assert f"<b>{t('from_briefing', 'tr')}</b>" in turkish.text
    english = one(await harness.feed(press("q:context-compiler-biography", EN_USER)))
    assert html.escape(biography.text, quote=False) in english.text
    # The English note is a translation: the briefing's own words follow it, labelled.
    note_at = english.text.index(html.escape(biography.text, quote=False))
    printed = f"<i>{t('as_printed', 'en')}</i> {html.escape(biography.original, quote=False)}"
    assert english.text.index(printed) > note_at
    assert t("as_printed", "tr") not in turkish.text and "was born" not in turkish.text
    # An English `original` (the sentence that reports what Başbuğ recalled) is never shown
    # instead of the note, but after it, labelled, for every reader: the briefing's own words.
    council = knowledge.entry("context-arctic-council-founding")
    assert council is not None and council.original is not None
    again = one(await harness.feed(press(f"q:{council.id}", TR_USER)))
    assert html.escape(council.text, quote=False) in again.text
    printed = f"<i>{t('as_printed', 'tr')}</i> {html.escape(council.original, quote=False)} …"
    assert again.text.index(printed) > again.text.index(html.escape(council.text, quote=False))


async def test_a_profile_shows_how_the_briefing_introduces_the_expert(
    harness: Harness, knowledge: KnowledgeBase
) -> None:
    """Every profile carries the briefing's own words that introduce the expert, shown after
    the editors' note under their own label, in both languages and in `ask --json`."""
    profiles = [e for e in knowledge.entries if e.profile]
    assert len(profiles) == len(knowledge.experts)
    for profile in profiles:
        assert profile.expert is not None and profile.original is not None
        assert surname_in(profile.original, profile.expert.name), profile.id
    oymen = knowledge.entry("oymen-profile")
    assert oymen is not None and oymen.original is not None
    for user, language in ((EN_USER, "en"), (TR_USER, "tr")):
        card = one(await harness.feed(press("q:oymen-profile", user)))
        intro = (f"<i>{t('introduced_as', language)}</i> "
                 f"{html.escape(oymen.original, quote=False)} …")
        assert card.text.index(intro) > card.text.index(html.escape(oymen.text, quote=False))
        assert t("as_printed", language) not in card.text
    asked = result_as_json(Matcher(knowledge).match("Who is Onur Öymen?"), knowledge)
    first = asked["answers"][0]
    assert first["id"] == "oymen-profile"
    assert "retired Ambassador Onur Öymen also said that" in first["text"]


def surname_in(text: str, name: str) -> bool:
    return name.split()[-1].casefold() in text.casefold()


async def test_language_en_switches_a_turkish_reader_and_survives_a_restart(
    make_harness: HarnessFactory, tmp_path: Path
) -> None:
    data_dir = tmp_path / "kept"
    first = await make_harness(data_dir=data_dir)
    chosen = await say(first, "/language en", TR_USER)
    assert chosen.text == t("language_set", "en")
    assert t("welcome", "en") in (await say(first, "/start", TR_USER)).text

    restarted = await make_harness(data_dir=data_dir)  # a new process on the same DATA_DIR
    assert t("welcome", "en") in (await say(restarted, "/start", TR_USER)).text
    # And back, with the buttons /language shows.
    offered = await say(restarted, "/language", TR_USER)
    assert offered.text == t("choose_language", "en")
    assert labels(offered) == ["English", "Türkçe"]
    assert [b["callback_data"] for b in offered.buttons()] == ["l:en", "l:tr"]
    pressed = await restarted.feed(press("l:tr", TR_USER))
    assert one(pressed).text == t("language_set", "tr")
    assert t("welcome", "tr") in (await say(restarted, "/start", EN_USER)).text


async def test_language_tr_turns_turkish_on_for_an_english_reader(harness: Harness) -> None:
    assert (await say(harness, "/language Türkçe", NO_CODE_USER)).text == t("language_set", "tr")
    declined = await say(harness, "What is the weather in Paris tomorrow?", NO_CODE_USER)
    assert declined.text.startswith(f"<b>{t('not_covered', 'tr')}</b>")


async def test_an_unknown_language_offers_the_buttons(harness: Harness) -> None:
    reply = await say(harness, "/language klingon", TR_USER)
    assert reply.text == t("unknown_language", "tr", name="klingon")
    assert labels(reply) == ["English", "Türkçe"]


async def test_inline_mode_speaks_the_readers_language(harness: Harness) -> None:
    update = tg.inline("asdkjh qwpeoi zxmcnv")
    update["inline_query"]["from"] = TR_USER
    answer = (await harness.feed(update))[-1]
    assert answer.method == "answerInlineQuery"
    assert texts.text("inline_nothing", "tr") in str(answer.params)


# --------------------------------------------------------------------------- groups


async def test_a_group_administrator_sets_the_groups_language(harness: Harness) -> None:
    harness.request.set_member(tg.GROUP, EN_USER, "administrator")
    member = {**tg.OTHER_USER, "language_code": "en"}
    refused = await say(harness, "/language tr", member, tg.GROUP)
    assert refused.text == t("only_group_admins_language", "en")
    assert t("how_to_ask_group", "en") in (await say(harness, "/help", member, tg.GROUP)).text

    assert (await say(harness, "/language tr", EN_USER, tg.GROUP)).text == t(
        "group_language_set", "tr")
    # The group's setting comes before each member's own language.
    assert t("how_to_ask_group", "tr") in (await say(harness, "/help", member, tg.GROUP)).text
    # Privately, the member still gets their own language.
    assert t("welcome", "en") in (await say(harness, "/start", member,
                                            {"id": member["id"], "type": "private"})).text
    # A member's button press cannot change it either.
    calls = await harness.feed(press("l:en", member, tg.GROUP))
    alert = [c for c in calls if c.method == "answerCallbackQuery"]
    assert alert and alert[0].params["text"] == texts.text("only_group_admins_language", "tr")
    assert not sent(calls)


async def test_an_anonymous_administrator_sets_the_groups_language(harness: Harness) -> None:
    update = tg.message("/language tr", chat=tg.GROUP, sender=tg.GROUP_ANONYMOUS_BOT,
                        sender_chat=tg.GROUP)
    assert one(await harness.feed(update)).text == t("group_language_set", "tr")


# --------------------------------------------------------------------------- menus, broadcasts


async def test_the_command_menus_are_registered_in_both_languages(harness: Harness) -> None:
    app = harness.application
    assert app.post_init is not None
    await app.post_init(app)
    menus = harness.request.of("setMyCommands")
    by_language: dict[str | None, dict[str, list[dict[str, str]]]] = {}
    for call in menus:
        by_language.setdefault(call.params.get("language_code"), {})[
            call.params["scope"]["type"]] = call.params["commands"]
    assert set(by_language) == {None, "tr"}
    assert set(by_language[None]) == set(by_language["tr"])
    turkish = by_language["tr"]["all_private_chats"]
    assert [c["command"] for c in turkish] == [c.name for c in menu(Where.PRIVATE)]
    assert {c["command"]: c["description"] for c in turkish}["language"] == texts.text(
        "command_language", "tr")
    assert {c["command"]: c["description"] for c in turkish}["ask"] == "Uzmanlara bir soru sorun"
    # English first, so the default menus exist before any translation.
    assert [c.params.get("language_code") for c in menus][:2] == [None, None]


async def test_broadcasts_use_each_chats_language(make_harness: HarnessFactory) -> None:
    harness = await make_harness(admin_user_ids=frozenset({BOT_ADMIN["id"]}))
    found = services_of(harness.application).broadcasting
    assert found is not None
    store = found.store.sync
    for chat in (tg.GROUP, OTHER_GROUP):
        store.subscribe(chat["id"], chat["type"], chat["title"], None, BOT_ADMIN["id"])
    store.set_chat_language(tg.GROUP["id"], "tr", BOT_ADMIN["id"])
    await harness.application.start()
    calls = await harness.feed(tg.message("/broadcast quote", chat=ADMIN_CHAT, sender=BOT_ADMIN))
    # The admin's Telegram speaks Turkish: so do the acknowledgement and the report.
    assert one(calls).text == t("broadcast_started", "tr", id=1, count=2)

    def report() -> list[Call]:
        heading = t("report_heading", "tr", id=1)
        return [c for c in harness.request.of("sendMessage") if c.text.startswith(f"<b>{heading}")]

    for _ in range(500):
        if report():
            break
        await asyncio.sleep(0.01)
    assert report()
    posts = {c.params["chat_id"]: c.text for c in harness.request.of("sendMessage")
             if c.params["chat_id"] in (tg.GROUP["id"], OTHER_GROUP["id"])}
    assert posts[tg.GROUP["id"]].startswith(f"<b>{t('quote_of_the_day', 'tr')}</b>")
    assert posts[OTHER_GROUP["id"]].startswith(f"<b>{t('quote_of_the_day', 'en')}</b>")
    # The same quote, in the briefing's English, under both headings.
    assert posts[tg.GROUP["id"]].split("\n\n")[1].split("\n")[0] == (
        posts[OTHER_GROUP["id"]].split("\n\n")[1].split("\n")[0])


async def test_a_bot_administrator_sets_a_channels_language_privately(
    make_harness: HarnessFactory
) -> None:
    """A channel's posts are no commands to the bot: its language is chosen privately."""
    harness = await make_harness(admin_user_ids=frozenset({BOT_ADMIN["id"]}))
    harness.request.add_chat(tg.CHANNEL)
    reader = {**tg.OTHER_USER, "language_code": "en"}
    reader_chat = {"id": reader["id"], "type": "private"}
    refused = await say(harness, f"/language tr @{tg.CHANNEL['username']}", reader, reader_chat)
    assert refused.text == t("only_bot_admins", "en")
    # Refused, and the reader's own language is untouched by the attempt.
    assert t("welcome", "en") in (await say(harness, "/start", reader, reader_chat)).text

    done = await say(harness, f"/language tr @{tg.CHANNEL['username']}", BOT_ADMIN, ADMIN_CHAT)
    assert done.text == t("chat_language_set", "tr", title=tg.CHANNEL["title"],
                          name="Türkçe")
    found = services_of(harness.application).broadcasting
    assert found is not None
    assert found.store.sync.stored_language(None, tg.CHANNEL["id"]) == "tr"
    # By id too, back to English; the admin's own language did not change.
    by_id = await say(harness, f"/language en {tg.CHANNEL['id']}", BOT_ADMIN, ADMIN_CHAT)
    assert by_id.text == t("chat_language_set", "tr", title=tg.CHANNEL["title"],
                           name="English")
    assert found.store.sync.stored_language(None, tg.CHANNEL["id"]) == "en"
    unknown = await say(harness, "/language tr @nosuchchannel", BOT_ADMIN, ADMIN_CHAT)
    assert unknown.text == t("target_not_found", "tr", target="@nosuchchannel")
    how = await say(harness, "/language tr #news", BOT_ADMIN, ADMIN_CHAT)
    assert how.text == t("chat_language_how", "tr")


async def test_subscription_notes_read_in_the_administrators_language(
    make_harness: HarnessFactory
) -> None:
    harness = await make_harness(admin_user_ids=frozenset({BOT_ADMIN["id"]}))
    harness.request.set_member(tg.GROUP, EN_USER, "administrator")
    assert (await say(harness, "/subscribe", EN_USER, tg.GROUP)).text == t("subscribed_here", "en")
    assert (await say(harness, "/unsubscribe", EN_USER, tg.GROUP)).text == t(
        "unsubscribed_here", "en")
    # Written when an English-speaking group admin acted, read by a Turkish bot admin.
    listing = (await say(harness, "/subscriptions", BOT_ADMIN, ADMIN_CHAT)).text
    assert t("note_by_admin", "tr", user=EN_USER["id"]) in listing
    assert t("note_by_admin", "en", user=EN_USER["id"]) not in listing
    english_admin = {**BOT_ADMIN, "language_code": "en"}
    listing = (await say(harness, "/subscriptions", english_admin, ADMIN_CHAT)).text
    assert t("note_by_admin", "en", user=EN_USER["id"]) in listing


def test_a_note_from_telegram_or_an_older_bot_is_shown_as_stored() -> None:
    assert texts.shown("Forbidden: bot was blocked by the user", "tr") == (
        "Forbidden: bot was blocked by the user")
    assert texts.shown("migrated from -5", "tr") == "migrated from -5"
    # An id this catalogue does not know (a newer bot wrote it) is named, never a crash.
    assert texts.shown('{"note": "note_from_the_future", "x": 1}', "tr") == (
        "note_from_the_future x=1")
    assert texts.shown('{"note": "note_by_admin"}', "en") == "note_by_admin"
    # Log lines name a stored note by its id and fields, never as JSON.
    assert notes.described(notes.encode("note_network", detail="refused")) == (
        "note_network detail=refused")
    assert notes.described("Forbidden: bot was kicked") == "Forbidden: bot was kicked"


async def test_topic_lists_and_buttons_name_the_topics_in_the_readers_language(
    harness: Harness
) -> None:
    turkish = await say(harness, "/topics", TR_USER)
    assert turkish.text == t("choose_topic", "tr")
    assert "Arktik Konseyi" in labels(turkish) and "The Arctic Council" not in labels(turkish)
    english = await say(harness, "/topics", EN_USER)
    assert "The Arctic Council" in labels(english)
    shown = one(await harness.feed(press("t:arctic-council", TR_USER)))
    assert shown.text.startswith(f"<b>{t('topic_on', 'tr', topic='Arktik Konseyi')}</b>")


async def test_a_storage_failure_while_choosing_says_why_in_the_readers_language(
    harness: Harness
) -> None:
    found = services_of(harness.application).broadcasting
    assert found is not None
    found.store.sync._db.execute("PRAGMA query_only = 1")  # a read-only database
    reason = "the database is read-only (attempt to write a readonly database)"
    expected = texts.text("storage_failed", "tr", doing=texts.text("doing_language", "tr"),
                          reason=reason)
    assert (await say(harness, "/language en", TR_USER)).text == html.escape(expected,
                                                                              quote=False)
    calls = await harness.feed(press("l:en", TR_USER))
    alert = [c for c in calls if c.method == "answerCallbackQuery"]
    assert alert and alert[0].params["text"] == expected and not sent(calls)
    # Reading still works: the reader is still answered in Turkish.
    assert t("welcome", "tr") in (await say(harness, "/start", TR_USER)).text


@pytest.mark.parametrize(("hint", "turkish"), [
    ("The briefing does not mention 2024.", "Bilgi notunda “2024” geçmiyor."),
    ("The briefing does not say how old.", "Bilgi notu bunu söylemiyor (“how old”)."),
    ("Ozan does not speak about Venezuela in this briefing.",
     "Ozan bu bilgi notunda “Venezuela” hakkında konuşmuyor."),
    ("Ozan speaks about Iran, not Iraq.",
     "Ozan “Iraq” hakkında değil, “Iran” hakkında konuşuyor."),
    ("The briefing speaks about Kiev, not Kiel.",
     "Bilgi notu “Kiel” hakkında değil, “Kiev” hakkında konuşuyor."),
    ("Something the matcher says one day.", "Something the matcher says one day."),
])
def test_the_consoles_hint_in_turkish(hint: str, turkish: str) -> None:
    assert hint_in(hint, "tr") == turkish
    assert hint_in(hint, "en") == hint


@pytest.mark.parametrize(("question", "language"), [
    ("Özge Eletek nerede doğdu?", "tr"),
    ("ozge eletek hangi universiteden mezun olmus", "tr"),  # no Turkish letter, a question word
    ("ozge eletek universiteden mezun olmus", "tr"),  # neither: more Turkish words than English
    ("Where did Özge Eletek study?", "en"),
    ("What did Başbuğ say about the Arctic?", "en"),  # Turkish names in an English question
    ("What did Dilek say about Trump?", "en"),  # "dilek" is a Turkish word, here a name
    ("Dilek", "en"),
])
def test_the_language_a_question_is_written_in(question: str, language: str) -> None:
    assert question_language(question) == language


async def test_a_question_asked_in_turkish_gets_the_turkish_original(
    harness: Harness, knowledge: KnowledgeBase
) -> None:
    """Whatever the interface: who asks in Turkish reads Turkish. The interface stays the
    reader's, and the experts' quotes stay English."""
    biography = knowledge.entry("context-compiler-biography")
    assert biography is not None and biography.original is not None
    asked = await say(harness, "ozge eletek nerede dogdu", EN_USER)
    assert html.escape(biography.original, quote=False) in asked.text
    assert f"<b>{t('from_briefing', 'en')}</b>" in asked.text
    english = await say(harness, "Where was Özge Eletek born?", EN_USER)
    assert html.escape(biography.text, quote=False) in english.text
    quoted = await say(harness, "Başbuğ Arktik hakkında ne dedi?", EN_USER)
    assert "Arctic" in quoted.text and "“" in quoted.text


def test_ask_json_shows_a_turkish_question_the_turkish_original(
    knowledge: KnowledgeBase,
) -> None:
    from bot.present.plain import result_as_json
    from knowledge import Matcher

    matcher = Matcher(knowledge)
    biography = knowledge.entry("context-compiler-biography")
    assert biography is not None
    turkish = result_as_json(matcher.match("Özge Eletek kimdir?"), knowledge)
    assert turkish["answers"][0]["text"] == biography.original
    english = result_as_json(matcher.match("Who is Özge Eletek?"), knowledge)
    # The English note, then what the briefing prints: the source's words are in `text` too.
    assert english["answers"][0]["text"] == (
        f"{biography.text}\n\n{t('as_printed', 'en')} {biography.original}")
    # A note that reports an English passage shows the note, then the passage as printed:
    # the sentence runs on past it ("…, Başbuğ also stated that"), so an ellipsis ends it.
    council = knowledge.entry("context-arctic-council-founding")
    assert council is not None and council.original is not None
    assert council.original.endswith("stated that")
    assert council.original_beside("en") == council.original_beside("tr") == (
        f"{council.original} …")
    asked = result_as_json(matcher.match("When was the Arctic Council founded?"), knowledge)
    assert asked["answers"][0]["text"] == (
        f"{council.text}\n\n{t('as_printed', 'en')} {council.original} …")
    assert "which was established in 1996 with the Ottawa Declaration" in (
        asked["answers"][0]["text"])
