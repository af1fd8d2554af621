"""The renderer and the button data format, without Telegram."""

from __future__ import annotations

import dataclasses

import pytest

from bot.context import Services
from bot.present import render
from bot.present.callbacks import (
    ExpertList,
    ExpertOpen,
    ExpertPage,
    OpenEntry,
    TopicList,
    TopicView,
    encode,
    parse_callback,
)
from knowledge import KnowledgeBase, KnowledgeError, MatchResult
from knowledge.matcher import Answer


def test_data_from_the_knowledge_base_is_escaped(knowledge: KnowledgeBase) -> None:
    entry = knowledge.entries_for_expert("basbug")[0]
    assert entry.expert is not None
    hostile_expert = dataclasses.replace(entry.expert, name="A <b>&</b> B", title="x<y")
    hostile = dataclasses.replace(entry, text="1 < 2 & <i>3</i>", expert=hostile_expert)
    shown = render.quote(hostile, knowledge)
    assert "“1 &lt; 2 &amp; &lt;i&gt;3&lt;/i&gt;”" in shown
    assert "<b>A &lt;b&gt;&amp;&lt;/b&gt; B</b>, x&lt;y" in shown
    result = MatchResult("q", (Answer(hostile, 1.0),))
    assert "&lt;i&gt;" in render.answers(result, knowledge)


def test_decline_echo_is_escaped_and_shortened() -> None:
    shown = render.decline(MatchResult("<b>" + "word " * 100, ()))
    assert "&lt;b&gt;word" in shown and "<b>word" not in shown
    assert len(shown) < 600


def test_split_keeps_short_replies_whole() -> None:
    assert render.split_message("one\n\ntwo") == ["one\n\ntwo"]
    assert render.split_message("") == []


def test_split_cuts_at_paragraphs_within_the_limit() -> None:
    paragraphs = [f"<b>{i}</b> " + "x" * 900 for i in range(12)]
    chunks = render.split_message("\n\n".join(paragraphs))
    assert len(chunks) == 3
    assert all(len(c) <= 4096 for c in chunks)
    assert "\n\n".join(chunks) == "\n\n".join(paragraphs)  # nothing lost, nothing cut inside


def test_split_counts_utf16_units() -> None:
    emoji = "🙂" * 1500  # 3000 UTF-16 units
    chunks = render.split_message(f"{emoji}\n\n{emoji}")
    assert chunks == [emoji, emoji]


def test_an_oversized_paragraph_is_cut_at_spaces_not_inside_entities() -> None:
    text = " ".join(["a&amp;b"] * 1200)  # 8399 characters, one paragraph
    chunks = render.split_message(text, limit=1000)
    assert all(len(c) <= 1000 for c in chunks)
    assert all(c.count("&") == c.count("&amp;") for c in chunks)
    assert " ".join(chunks) == text


@pytest.mark.parametrize("action", [
    ExpertList(), ExpertOpen("basbug"), ExpertPage("basbug", 2), OpenEntry("basbug-arms-race"),
    TopicList(), TopicView("arctic"),
])
def test_callback_data_round_trips(action: object, knowledge: KnowledgeBase) -> None:
    data = encode(action)  # type: ignore[arg-type]
    assert len(data.encode()) <= 64
    assert parse_callback(data, knowledge) == action


def test_callback_data_over_64_bytes_is_refused() -> None:
    with pytest.raises(ValueError, match="64 bytes"):
        encode(OpenEntry("e" * 63))


def test_ids_too_long_for_buttons_are_refused_at_start(knowledge: KnowledgeBase) -> None:
    first, *rest = knowledge.entries
    too_long = dataclasses.replace(
        knowledge, entries=(dataclasses.replace(first, id="e" * 70), *rest)
    )
    with pytest.raises(KnowledgeError, match="too long for Telegram buttons"):
        Services.create(too_long)
    assert Services.create(knowledge).entry_by_question  # the real ids all fit


def test_profile_notes_are_not_shown_as_the_experts_words(knowledge: KnowledgeBase) -> None:
    profile = next(e for e in knowledge.entries if e.profile)
    quote = knowledge.entries_for_expert("oymen")[0]
    result = MatchResult("who is öymen", (Answer(profile, 0.9), Answer(quote, 0.8)))
    shown = render.answers(result, knowledge)
    assert profile.expert is not None
    assert f"— <b>About {profile.expert.name}</b> (a note from the briefing's editors)" in shown
    assert not shown.startswith("“")  # a note is not put in quotation marks
    assert "— <b>Onur Öymen</b>, Retired Ambassador" in shown
    # The briefing is named once, after the answers, not under each one.
    assert shown.count("Seeking Cooperation in Global Struggle") == 1
    assert shown.rstrip().endswith("ANKASAM (Ankara Center for Crisis and Policy Studies)")


def test_a_quote_is_shown_after_the_briefings_lead_in(knowledge: KnowledgeBase) -> None:
    """The compiler's words that introduce a quote are the briefing's, in italics; the
    expert's words follow in quotation marks, as the source prints them."""
    from bot.present.plain import answer_text, result_as_json

    entry = knowledge.entry("basbug-resources-russia")
    assert entry is not None and entry.lead
    result = MatchResult("energy companies in the arctic", (Answer(entry, 1.0),))
    shown = render.answers(result, knowledge)
    assert shown.startswith(f"<i>{entry.lead}</i> “{entry.text}”\n— <b>Coşkun Başbuğ</b>")
    assert answer_text(entry) == f"{entry.lead} “{entry.text}”"
    assert result_as_json(result, knowledge)["answers"][0]["text"] == entry.passage
    plain = knowledge.entry("basbug-alaska")  # no lead: the quote alone
    assert plain is not None and plain.lead is None
    assert plain.shown_in("en") == plain.text
