"""Plain-text and JSON views of match results, for the terminal (ask, chat) and scripts."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from bot.present import texts
from knowledge import Entry, KnowledgeBase, MatchResult

if TYPE_CHECKING:  # only for types: the question-answering CLI never imports telegram
    from bot.infra.delivery import Report
    from bot.infra.store import Subscription

WIDTH = 88


def reading_stdin() -> str:
    """Said on stderr when `ask` reads questions typed at a terminal."""
    return texts.text("console_reading_stdin")


def chat_help() -> str:
    """`help` in `briefing-bot chat`."""
    return texts.text("console_chat_help")


def attribution(entry: Entry, knowledge: KnowledgeBase) -> str:
    """Who said it: the expert's name and title, or the briefing for context entries."""
    if entry.expert is not None and entry.profile:
        return texts.text("console_about_expert", note=texts.text("editors_note"),
                          name=entry.expert.name)
    briefing = knowledge.briefing(entry.briefing_id)
    if entry.expert is not None:
        return texts.text("console_said_in", name=entry.expert.name, title=entry.expert.title,
                          briefing=briefing.title)
    return texts.text("console_from_briefing", title=briefing.title,
                      publisher=briefing.publisher)


def chat_banner(knowledge: KnowledgeBase) -> str:
    """What `briefing-bot chat` says first: the briefing, the experts, the commands."""
    experts = ", ".join(e.name for e in knowledge.experts)
    titles = "; ".join(b.title for b in knowledge.briefings)
    return texts.text("console_banner", title=titles, experts=experts)


def question_heading(question: str) -> str:
    """The question above its answers when `ask` answers many in a row."""
    return texts.text("console_question", question=question)


def answer_text(entry: Entry) -> str:
    """The entry's words as a reader sees them: quotes in quotation marks, notes as they are."""
    return f"“{entry.text}”" if entry.is_quote else entry.text


def result_as_text(result: MatchResult, knowledge: KnowledgeBase) -> str:
    """Answers as readable blocks, or an honest decline with suggestions."""
    if result.declined:
        lines = [texts.text("not_covered")]
        if result.hint:
            lines.append(result.hint)
        if result.suggestions:
            lines.append(texts.text("you_could_ask"))
            lines.extend(f"  - {s}" for s in result.suggestions)
        else:
            lines.append(texts.text("console_try_instead"))
        return "\n".join(lines)
    blocks = []
    for answer in result.answers:
        body = textwrap.fill(answer_text(answer.entry), WIDTH)
        blocks.append(f"{body}\n  — {attribution(answer.entry, knowledge)}")
    return "\n\n".join(blocks)


def result_as_json(result: MatchResult, knowledge: KnowledgeBase | None = None
                   ) -> dict[str, Any]:
    """The stable JSON contract of `briefing-bot ask --json` (one object per question)."""
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
                "text": a.entry.text,
                "score": a.score,
                "briefing": _briefing_json(a.entry.briefing_id, knowledge),
            }
            for a in result.answers
        ],
        "suggestions": list(result.suggestions),
        "hint": result.hint or None,
    }


def _briefing_json(briefing_id: str, knowledge: KnowledgeBase | None) -> dict[str, str]:
    title = knowledge.briefing(briefing_id).title if knowledge is not None else ""
    return {"id": briefing_id, "title": title}


def report_as_text(report: Report, chats: Mapping[int, Subscription]) -> str:
    """`briefing-bot broadcast`'s report on stdout: counts, then one line per problem."""
    from bot.present.render import chat_label

    def label(chat_id: int) -> str:
        return chat_label(chats.get(chat_id), chat_id)

    lines = [texts.text("report_heading", id=report.broadcast_id),
             "  " + texts.text("report_sent", count=len(report.sent))]
    for message, problems in (
        ("report_failed", report.failed),
        ("report_unsubscribed", report.unsubscribed),
        ("report_uncertain", report.uncertain),
    ):
        if problems:
            lines.append("  " + texts.text(message, count=len(problems)))
            lines += [f"    - {label(chat_id)}: {reason}" for chat_id, reason in problems]
    if report.migrated:
        lines.append("  " + texts.text("report_migrated", count=len(report.migrated)))
        lines += [f"    - {old} -> {label(new)}" for old, new in report.migrated]
    if not report.finished:
        lines.append("  " + texts.text("report_paused"))
    return "\n".join(lines)
