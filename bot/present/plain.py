"""Plain-text and JSON views of match results, for the terminal (ask, chat) and scripts."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from knowledge import Entry, KnowledgeBase, MatchResult

if TYPE_CHECKING:  # only for types: the question-answering CLI never imports telegram
    from bot.infra.delivery import Report
    from bot.infra.store import Subscription

WIDTH = 88

# Console texts (the Telegram ones are in bot.present.texts).
READING_STDIN = (
    "Reading questions from standard input, one per line; press Ctrl-D to end "
    "(or give the question as an argument: briefing-bot ask \"...\")."
)
CHAT_HELP = """Write a question in plain words, for example:
  What did Başbuğ say about the Arctic?
  oymen crimea
  Toplantı ne zaman yapıldı?
Each answer is the expert's own words, then their name and title.

Commands:
  experts  the experts quoted in the briefing
  topics   the subjects they discuss
  help     this text
  quit     leave (or Ctrl-D)
Arrow keys edit the line and recall earlier questions."""


def attribution(entry: Entry, knowledge: KnowledgeBase) -> str:
    """Who said it: the expert's name and title, or the briefing for context entries."""
    if entry.expert is not None and entry.profile:
        return f"About the expert (a note from the briefing's curators): {entry.expert.name}"
    if entry.expert is not None:
        return f"{entry.expert.name}, {entry.expert.title}"
    briefing = knowledge.briefing(entry.briefing_id)
    return f"From the briefing: {briefing.title}, published by {briefing.publisher}"


def chat_banner(knowledge: KnowledgeBase) -> str:
    """What `briefing-bot chat` says first: the briefing, the experts, the commands."""
    experts = ", ".join(e.name for e in knowledge.experts)
    return (f"briefing-bot — {knowledge.briefings[0].title}\n"
            f"Ask about the experts' views ({experts}).\n"
            "Commands: help, experts, topics, quit.")


def question_heading(question: str) -> str:
    """The question above its answers when `ask` answers many in a row."""
    return f"Q: {question}"


def answer_text(entry: Entry) -> str:
    """The entry's words as a reader sees them: quotes in quotation marks, notes as they are."""
    return f"“{entry.text}”" if entry.is_quote else entry.text


def result_as_text(result: MatchResult, knowledge: KnowledgeBase) -> str:
    """Answers as readable blocks, or an honest decline with suggestions."""
    if result.declined:
        lines = ["Not covered in this briefing."]
        if result.suggestions:
            lines.append("You could ask:")
            lines.extend(f"  - {s}" for s in result.suggestions)
        else:
            lines.append("Try an expert's name (for example 'Öymen') or a subject such as "
                         "'the Arctic' or 'Nord Stream'; 'experts' and 'topics' list them.")
        return "\n".join(lines)
    blocks = []
    for answer in result.answers:
        body = textwrap.fill(answer_text(answer.entry), WIDTH)
        blocks.append(f"{body}\n  — {attribution(answer.entry, knowledge)}")
    return "\n\n".join(blocks)


def result_as_json(result: MatchResult) -> dict[str, Any]:
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
            }
            for a in result.answers
        ],
        "suggestions": list(result.suggestions),
    }


def report_as_text(report: Report, chats: Mapping[int, Subscription]) -> str:
    """`briefing-bot broadcast`'s report on stdout: counts, then one line per problem."""
    from bot.present import texts
    from bot.present.render import chat_label

    def label(chat_id: int) -> str:
        return chat_label(chats.get(chat_id), chat_id)

    lines = [texts.REPORT_HEADING.format(id=report.broadcast_id),
             "  " + texts.REPORT_SENT.format(count=len(report.sent))]
    for template, problems in (
        (texts.REPORT_FAILED, report.failed),
        (texts.REPORT_UNSUBSCRIBED, report.unsubscribed),
        (texts.REPORT_UNCERTAIN, report.uncertain),
    ):
        if problems:
            lines.append("  " + template.format(count=len(problems)))
            lines += [f"    - {label(chat_id)}: {reason}" for chat_id, reason in problems]
    if report.migrated:
        lines.append("  " + texts.REPORT_MIGRATED.format(count=len(report.migrated)))
        lines += [f"    - {old} -> {label(new)}" for old, new in report.migrated]
    if not report.finished:
        lines.append("  " + texts.REPORT_PAUSED)
    return "\n".join(lines)
