"""What handlers need besides the update: the knowledge base and matcher, attached once.

`build_application` stores one `Services` in `bot_data`; handlers reach it through `services()`,
the only place that knows the key and checks the type.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from telegram.ext import Application, CallbackContext

from bot.callbacks import check_ids
from knowledge import KnowledgeBase, KnowledgeError, Matcher

_KEY = "briefing_bot.services"


@dataclass(frozen=True)
class Services:
    """The long-lived objects every handler shares."""

    knowledge: KnowledgeBase
    matcher: Matcher
    inline_cache_seconds: int = 30
    # A suggestion is an entry's first question; this finds the entry to open from its button.
    entry_by_question: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def create(cls, knowledge: KnowledgeBase, inline_cache_seconds: int = 30) -> Services:
        """Build the matcher and lookups once, at start-up; KnowledgeError if ids cannot work."""
        problems = check_ids(knowledge)
        if problems:
            raise KnowledgeError(problems)
        by_question: dict[str, str] = {}
        for entry in knowledge.entries:
            for question in entry.questions:
                by_question.setdefault(question, entry.id)
        return cls(knowledge, Matcher(knowledge), inline_cache_seconds, by_question)


def attach(application: Application[Any, Any, Any, Any, Any, Any], found: Services) -> None:
    """Store the services on the application (once, in `build_application`)."""
    application.bot_data[_KEY] = found


def services(context: CallbackContext[Any, Any, Any, Any]) -> Services:
    """The services attached at build time, typed."""
    found = context.bot_data.get(_KEY)
    if not isinstance(found, Services):
        raise RuntimeError("services are not attached: build the app with build_application()")
    return found
