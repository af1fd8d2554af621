"""Button data: a compact text format within Telegram's 64 bytes, and its validating parser.

    xl               the expert list
    x:<expert>       an expert's positions, first page, as a new message
    x:<expert>:<n>   page n (from 0) of an expert's positions, replacing the page shown
    q:<entry>        one entry, opened as a message
    tl               the topic list
    t:<topic>        the quotes on a topic
    l:<language>     the interface language (/language), a catalogue's language

Data comes back from the client, so `parse_callback` treats it as untrusted: anything malformed,
unknown to the knowledge base (a stale button after the YAML changed) or out of range is None.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from telegram.constants import InlineKeyboardButtonLimit

from bot.present.texts import languages
from knowledge import KnowledgeBase

MAX_BYTES = int(InlineKeyboardButtonLimit.MAX_CALLBACK_DATA)  # 64
PAGE_SIZE = 5
_ID = r"[a-z0-9][a-z0-9-]*"  # the loader's id rule; the 64-byte limit bounds the length
# A topic is named by its key: its id, or "<briefing id>/<topic id>" where several briefings
# use the id (knowledge.Topic.key).
_TOPIC = rf"{_ID}(?:/{_ID})?"
_PATTERN = re.compile(
    rf"(xl|tl|x:({_ID})(?::(0|[1-9]\d{{0,2}}))?|q:({_ID})|t:({_TOPIC})|l:([a-z]{{2,3}}))")


@dataclass(frozen=True)
class ExpertList:
    """Show the list of experts."""


@dataclass(frozen=True)
class ExpertOpen:
    """Send the first page of an expert's positions as a new message."""

    expert_id: str


@dataclass(frozen=True)
class ExpertPage:
    """Turn the page of an expert's positions in place."""

    expert_id: str
    page: int


@dataclass(frozen=True)
class OpenEntry:
    """Send one entry as a message."""

    entry_id: str


@dataclass(frozen=True)
class TopicList:
    """Show the list of topics."""


@dataclass(frozen=True)
class TopicView:
    """Send the quotes on a topic."""

    topic_id: str


@dataclass(frozen=True)
class SetLanguage:
    """Speak this language to the reader (or, in a group, to the group)."""

    language: str


@dataclass(frozen=True)
class Vote:
    """👍 or 👎 on an answer, found by its key in the insights file (`bot.infra.insights`)."""

    answer_key: str
    up: bool


# What a button shows, and what it changes.
Navigation = ExpertList | ExpertOpen | ExpertPage | OpenEntry | TopicList | TopicView
Action = Navigation | SetLanguage | Vote
_VOTE = re.compile(r"v:([A-Za-z0-9_-]{4,16}):([ud])")


def encode(action: Action) -> str:
    """The callback data for an action; raises ValueError past Telegram's 64-byte limit."""
    match action:
        case ExpertList():
            data = "xl"
        case ExpertOpen(expert_id):
            data = f"x:{expert_id}"
        case ExpertPage(expert_id, page):
            data = f"x:{expert_id}:{page}"
        case OpenEntry(entry_id):
            data = f"q:{entry_id}"
        case TopicList():
            data = "tl"
        case TopicView(topic_id):
            data = f"t:{topic_id}"
        case SetLanguage(language):
            data = f"l:{language}"
        case Vote(answer_key, up):
            data = f"v:{answer_key}:{'u' if up else 'd'}"
    if len(data.encode("utf-8")) > MAX_BYTES:
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
    return data


def check_ids(knowledge: KnowledgeBase) -> list[str]:
    """Ids too long to fit a button's data: one line each (empty when all fit)."""
    problems = []
    actions: list[Action] = [ExpertPage(e.id, page_count(knowledge, e.id) - 1)
                             for e in knowledge.experts]
    actions += [OpenEntry(e.id) for e in knowledge.entries]
    actions += [TopicView(t.key) for t in knowledge.topics]
    for action in actions:
        try:
            encode(action)
        except ValueError as exc:
            problems.append(f"id too long for Telegram buttons: {exc}")
    return problems


def page_count(knowledge: KnowledgeBase, expert_id: str) -> int:
    """How many pages an expert's positions fill (at least one)."""
    return max(1, math.ceil(len(knowledge.entries_for_expert(expert_id)) / PAGE_SIZE))


def parse_callback(data: object, knowledge: KnowledgeBase) -> Action | None:
    """The action a button's data asks for, or None when it is forged, stale or out of range."""
    if not isinstance(data, str) or len(data.encode("utf-8")) > MAX_BYTES:
        return None
    vote = _VOTE.fullmatch(data)
    if vote is not None:
        return Vote(vote.group(1), vote.group(2) == "u")
    found = _PATTERN.fullmatch(data)
    if found is None:
        return None
    if data == "xl":
        return ExpertList()
    if data == "tl":
        return TopicList()
    expert_id, page, entry_id, topic_id, language = found.group(2, 3, 4, 5, 6)
    if language is not None:
        return SetLanguage(language) if language in languages() else None
    if expert_id is not None:
        if knowledge.expert(expert_id) is None:
            return None
        if page is None:
            return ExpertOpen(expert_id)
        number = int(page)
        if number >= page_count(knowledge, expert_id):
            return None
        return ExpertPage(expert_id, number)
    if entry_id is not None:
        return OpenEntry(entry_id) if knowledge.entry(entry_id) is not None else None
    if topic_id is not None and knowledge.topic(topic_id) is not None:
        return TopicView(topic_id)
    return None
