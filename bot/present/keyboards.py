"""Inline keyboards: every button the bot shows is built here, its data through `callbacks`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.present import texts
from bot.present.callbacks import (
    Action,
    ExpertList,
    ExpertOpen,
    ExpertPage,
    OpenEntry,
    SetLanguage,
    TopicList,
    TopicView,
    Vote,
    encode,
)
from bot.present.render import words_of
from bot.present.texts import DEFAULT_LANGUAGE as EN
from knowledge import Entry, Expert, KnowledgeBase, Topic

LABEL_LIMIT = 60
TOPIC_BUTTONS = 3


def _button(label: str, action: Action) -> InlineKeyboardButton:
    return InlineKeyboardButton(words_of(label, LABEL_LIMIT), callback_data=encode(action))


def _pairs(buttons: Sequence[InlineKeyboardButton]) -> list[list[InlineKeyboardButton]]:
    return [list(buttons[i : i + 2]) for i in range(0, len(buttons), 2)]


def for_answers(entries: Iterable[Entry], language: str = EN, vote_key: str | None = None
                ) -> InlineKeyboardMarkup | None:
    """Under answers: 👍/👎 (private chats), "More from <expert>" per expert quoted, then a few
    related topics."""
    experts: list[Expert] = []
    topics: list[Topic] = []
    for entry in entries:
        if entry.expert is not None and entry.expert not in experts:
            experts.append(entry.expert)
        for topic in entry.topics:
            if topic not in topics:
                topics.append(topic)
    rows = [
        [_button(texts.text("button_vote_up", language), Vote(vote_key, True)),
         _button(texts.text("button_vote_down", language), Vote(vote_key, False))]
    ] if vote_key else []
    rows += [
        [_button(texts.text("button_more_from", language, name=e.name), ExpertOpen(e.id))]
        for e in experts
    ]
    rows.extend(_pairs([
        _button(texts.text("button_topic", language, name=t.name_in(language)), TopicView(t.key))
        for t in topics[:TOPIC_BUTTONS]
    ]))
    return InlineKeyboardMarkup(rows) if rows else None


def for_decline(suggested: Sequence[tuple[str, str]],
                language: str = EN) -> InlineKeyboardMarkup:
    """Under "not covered": one button per suggested question (entry id, question), then lists."""
    rows = [[_button(question, OpenEntry(entry_id))] for entry_id, question in suggested]
    rows.append([_button(texts.text("button_all_topics", language), TopicList()),
                 _button(texts.text("button_all_experts", language), ExpertList())])
    return InlineKeyboardMarkup(rows)


def experts(knowledge: KnowledgeBase) -> InlineKeyboardMarkup:
    """One button per expert, opening the first page of their positions."""
    return InlineKeyboardMarkup(
        [[_button(e.name, ExpertOpen(e.id))] for e in knowledge.experts]
    )


def expert_page(
    expert: Expert, entries: Sequence[Entry], first: int, page: int, pages: int,
    language: str = EN,
) -> InlineKeyboardMarkup:
    """Open each position on the page; page back and forth; back to all experts."""
    rows = [
        [_button(texts.text("button_quote", language, number=first + i,
                            words=e.text_in(language)), OpenEntry(e.id))]
        for i, e in enumerate(entries)
    ]
    paging = []
    if page > 0:
        paging.append(_button(texts.text("button_previous", language),
                              ExpertPage(expert.id, page - 1)))
    if page + 1 < pages:
        paging.append(_button(texts.text("button_next", language),
                              ExpertPage(expert.id, page + 1)))
    if paging:
        rows.append(paging)
    rows.append([_button(texts.text("button_all_experts", language), ExpertList())])
    return InlineKeyboardMarkup(rows)


def topics(knowledge: KnowledgeBase, language: str = EN, briefing_id: str | None = None
           ) -> InlineKeyboardMarkup:
    """One button per topic that has entries (of one briefing, if given), two to a row, named
    in the reader's language."""
    chosen = knowledge.topics if briefing_id is None else knowledge.topics_of(briefing_id)
    return InlineKeyboardMarkup(_pairs([
        _button(t.name_in(language), TopicView(t.key))
        for t in chosen
        if knowledge.entries_for_topic(t.key)
    ]))


def for_entry(entry: Entry, language: str = EN) -> InlineKeyboardMarkup | None:
    """Under a single opened entry: the same buttons as under an answer."""
    return for_answers([entry], language)


def languages(available: Sequence[str]) -> InlineKeyboardMarkup:
    """/language: one button per language, each named in its own language."""
    return InlineKeyboardMarkup([[
        _button(texts.text("language_name", language), SetLanguage(language))
        for language in available
    ]])
