"""Plain-text and JSON views of match results, for the terminal (ask, chat) and scripts."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from bot.present import texts
from bot.present.texts import DEFAULT_LANGUAGE as EN
from knowledge import Entry, KnowledgeBase, MatchResult

if TYPE_CHECKING:  # only for types: the question-answering CLI never imports telegram
    from bot.infra.delivery import Report
    from bot.infra.store import Subscription

WIDTH = 88


def reading_stdin(language: str = EN) -> str:
    """Said on stderr when `ask` reads questions typed at a terminal."""
    return texts.text("console_reading_stdin", language)


def chat_help(language: str = EN) -> str:
    """`help` in `briefing-bot chat`."""
    return texts.text("console_chat_help", language)


def attribution(entry: Entry, knowledge: KnowledgeBase, language: str = EN) -> str:
    """Who said it: the expert's name and title, or the briefing for context entries."""
    if entry.expert is not None and entry.profile:
        return texts.text("console_about_expert", language,
                          note=texts.text("editors_note", language), name=entry.expert.name)
    briefing = knowledge.briefing(entry.briefing_id)
    if entry.expert is not None:
        return texts.text("console_said_in", language, name=entry.expert.name,
                          title=entry.expert.title, briefing=briefing.title)
    return texts.text("console_from_briefing", language, title=briefing.title,
                      publisher=briefing.publisher)


def chat_banner(knowledge: KnowledgeBase, language: str = EN) -> str:
    """What `briefing-bot chat` says first: the briefing, the experts, the commands."""
    experts = ", ".join(e.name for e in knowledge.experts)
    titles = "; ".join(b.title for b in knowledge.briefings)
    return texts.text("console_banner", language, title=titles, experts=experts)


def question_heading(question: str, language: str = EN) -> str:
    """The question above its answers when `ask` answers many in a row."""
    return texts.text("console_question", language, question=question)


def answer_text(entry: Entry, language: str = EN) -> str:
    """The entry's words as a reader sees them: quotes in quotation marks, notes as they are
    (a note in its original when the source wrote it in the reader's language)."""
    if not entry.is_quote:
        return with_original(entry, language)
    return entry.shown_in(language) if entry.lead else f"“{entry.text_in(language)}”"


def with_original(entry: Entry, language: str = EN) -> str:
    """`entry.shown_in(language)`, and after it the source's own words when that is a
    translation of them (`Entry.original_beside`): the compiler's biography in English, then
    as the briefing prints it, in Turkish."""
    shown = entry.shown_in(language)
    original = entry.original_beside(language)
    if original is None:
        return shown
    return f"{shown}\n\n{texts.text(printed_label(entry), language)} {original}"


def printed_label(entry: Entry) -> str:
    """The catalogue key of the label before a note's `original`: a profile's is the briefing's
    own words introducing the expert ("retired Ambassador Onur Öymen also said that …"), any
    other note's the passage it translates or reports."""
    return "introduced_as" if entry.profile else "as_printed"


def result_as_text(result: MatchResult, knowledge: KnowledgeBase, language: str = EN) -> str:
    """Answers as readable blocks, or an honest decline with suggestions.

    The matcher's hint is made in English (`knowledge` has no catalogue); `hint_in` says its
    known shapes in the reader's language.
    """
    if result.declined:
        lines = [texts.text("not_covered", language)]
        if result.hint:
            lines.append(hint_in(result.hint, language))
        if result.suggestions:
            lines.append(texts.text("you_could_ask", language))
            lines.extend(f"  - {knowledge.asked_in(s, language)}" for s in result.suggestions)
        else:
            lines.append(texts.text("console_try_instead", language))
        return "\n".join(lines)
    blocks = []
    words = texts.words_language(result.question, language, (a.entry for a in result.answers))
    for answer in result.answers:
        body = "\n\n".join(textwrap.fill(part, WIDTH)
                             for part in answer_text(answer.entry, words).split("\n\n"))
        blocks.append(f"{body}\n  — {attribution(answer.entry, knowledge, language)}")
    return "\n\n".join(blocks)


# The shapes of the matcher's hints (knowledge.matcher), to say them in another language.
_HINTS = (
    (re.compile(r"The briefing does not mention (?P<name>.+)\.$"), "hint_not_mentioned"),
    (re.compile(r"The briefing does not say (?P<what>.+)\.$"), "hint_not_said"),
    (re.compile(r"(?P<who>.+?) does not speak about (?P<name>.+) in this briefing\.$"),
     "hint_silent"),
    (re.compile(r"(?P<who>.+?) speaks about (?P<near>.+), not (?P<name>.+)\.$"), "hint_near"),
)


def hint_in(hint: str, language: str = EN) -> str:
    """The matcher's English hint in `language`, for the shapes it has; else as it is."""
    if language == EN:
        return hint
    for pattern, message in _HINTS:
        found = pattern.match(hint)
        if found is None:
            continue
        fields = found.groupdict()
        if fields.get("who") == "The briefing":
            fields["who"] = texts.text("hint_the_briefing", language)
        if message == "hint_not_mentioned":
            return texts.text("hint_not_mentioned", language, name=fields["name"])
        if message == "hint_not_said":
            return texts.text("hint_not_said", language, what=fields["what"])
        if message == "hint_silent":
            return texts.text("hint_silent", language, who=fields["who"], name=fields["name"])
        return texts.text("hint_near", language, who=fields["who"], near=fields["near"],
                          name=fields["name"])
    return hint


def result_as_json(result: MatchResult, knowledge: KnowledgeBase | None = None,
                   language: str = EN) -> dict[str, Any]:
    """The stable JSON contract of `briefing-bot ask --json` (one object per question).

    With `--lang` (a language and the knowledge base), the suggestions are asked in that
    language where the briefing can. `text` is what the reader is shown: a Turkish original
    (the compiler's biography) with `--lang tr` or to a question asked in Turkish.
    """
    words = texts.words_language(result.question, language, (a.entry for a in result.answers))
    suggestions = list(result.suggestions)
    if knowledge is not None:
        suggestions = [knowledge.asked_in(s, language) for s in suggestions]
    return {
        "question": result.question,
        "answers": [
            {
                "id": a.entry.id,
                "expert": (
                    {"name": a.entry.expert.name, "title": a.entry.expert.title}
                    if a.entry.expert
                    else None
                ),
                "text": with_original(a.entry, words),
                "score": a.score,
                "briefing": _briefing_json(a.entry.briefing_id, knowledge),
            }
            for a in result.answers
        ],
        "suggestions": suggestions,
        "hint": result.hint or None,
    }


def _briefing_json(briefing_id: str, knowledge: KnowledgeBase | None) -> dict[str, str]:
    title = knowledge.briefing(briefing_id).title if knowledge is not None else ""
    return {"id": briefing_id, "title": title}


def report_as_text(report: Report, chats: Mapping[int, Subscription],
                   language: str = texts.DEFAULT_LANGUAGE) -> str:
    """`briefing-bot broadcast`'s report on stdout: counts, then one line per problem."""
    from bot.present.render import chat_label

    def label(chat_id: int) -> str:
        return chat_label(chats.get(chat_id), chat_id)

    lines = [texts.text("report_heading", language, id=report.broadcast_id),
             "  " + texts.text("report_sent", language, count=len(report.sent))]
    for message, problems in (
        ("report_failed", report.failed),
        ("report_unsubscribed", report.unsubscribed),
        ("report_uncertain", report.uncertain),
    ):
        if problems:
            lines.append("  " + texts.text(message, language, count=len(problems)))
            lines += [f"    - {label(chat_id)}: {texts.shown(reason, language)}"
                      for chat_id, reason in problems]
    if report.migrated:
        lines.append("  " + texts.text("report_migrated", language, count=len(report.migrated)))
        lines += [f"    - {old} -> {label(new)}" for old, new in report.migrated]
    if not report.finished:
        lines.append("  " + texts.text("report_paused", language))
    return "\n".join(lines)
