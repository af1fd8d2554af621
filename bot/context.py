"""What handlers get besides the update: the services attached at build time, typed.

`build_application` stores one `Services` in `bot_data` and makes every handler's context a
`BotContext` (python-telegram-bot's `ContextTypes`), so a handler writes `context.services` or
`context.broadcasting`, and nothing else knows the key or checks the type. Code outside a
handler (post_init, the command line) uses `services_of(application)`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot

from bot.infra.delivery import Deliverer
from bot.infra.flood import FloodGuard
from bot.infra.insights import AsyncInsights
from bot.infra.store import AsyncStore
from bot.language import Preferences
from bot.present.callbacks import check_ids
from bot.present.texts import DEFAULT_LANGUAGE
from knowledge import KnowledgeBase, KnowledgeError, Matcher
from knowledge.curation import Nearest

if TYPE_CHECKING:
    from bot.menus import Command

_KEY = "briefing_bot.services"


@dataclass(frozen=True)
class Broadcasting:
    """Subscriptions and broadcasts: the store, the deliverer, who may administer the bot."""

    store: AsyncStore
    deliverer: Deliverer
    admin_user_ids: frozenset[int] = frozenset()
    # How often a running bot looks for broadcasts a dead process left unfinished.
    resume_seconds: float = 20.0

    def is_admin(self, user_id: int | None) -> bool:
        """Is this Telegram user one of the bot's administrators (ADMIN_USER_IDS)?"""
        return user_id is not None and user_id in self.admin_user_ids


@dataclass(frozen=True)
class Services:
    """The long-lived objects every handler shares."""

    knowledge: KnowledgeBase
    matcher: Matcher
    inline_cache_seconds: int = 30
    # A suggestion is an entry's first question; this finds the entry to open from its button.
    entry_by_question: Mapping[str, str] = field(default_factory=dict)
    # None when the bot runs without a DATA_DIR (tests and benchmarks that build Settings by
    # hand); `briefing-bot run` always has one.
    broadcasting: Broadcasting | None = None
    # Who is asking too fast (FLOOD_QUESTIONS per FLOOD_SECONDS); 0 questions turns it off.
    flood: FloodGuard = field(default_factory=lambda: FloodGuard(0, 1.0))
    # The command table (`bot.commands`), for /help; handed over here because the table
    # imports every feature, /help's included.
    commands: tuple[Command, ...] = ()
    # What readers ask that the bot cannot answer well, and their votes (None without DATA_DIR).
    insights: AsyncInsights | None = None
    # The entry closest to an unanswered question, for the curators' report.
    nearest: Nearest | None = None
    # Readers' and groups' interface languages (`bot.language`).
    preferences: Preferences = field(default_factory=Preferences)

    def is_bot_admin(self, user_id: int | None) -> bool:
        """Is this user one of the bot's administrators (and are broadcasts set up)?"""
        return self.broadcasting is not None and self.broadcasting.is_admin(user_id)

    def reloaded(self, knowledge: KnowledgeBase) -> Services:
        """The same services over a new knowledge base (`/reload`, SIGHUP)."""
        fresh = Services.create(knowledge, self.inline_cache_seconds, self.broadcasting,
                                self.flood, self.commands, self.insights)
        return fresh

    @classmethod
    def create(cls, knowledge: KnowledgeBase, inline_cache_seconds: int = 30,
               broadcasting: Broadcasting | None = None, flood: FloodGuard | None = None,
               commands: tuple[Command, ...] = (),
               insights: AsyncInsights | None = None) -> Services:
        """Build the matcher and lookups once, at start-up; KnowledgeError if ids cannot work."""
        problems = check_ids(knowledge)
        if problems:
            raise KnowledgeError(problems)
        by_question: dict[str, str] = {}
        for entry in knowledge.entries:
            for question in entry.questions:
                by_question.setdefault(question, entry.id)
        preferences = Preferences(broadcasting.store if broadcasting is not None else None)
        return cls(knowledge, Matcher(knowledge), inline_cache_seconds, by_question, broadcasting,
                   flood or FloodGuard(0, 1.0), commands, insights,
                   Nearest(knowledge) if insights is not None else None, preferences)


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """The context of every handler and job: python-telegram-bot's, plus the services."""

    @property
    def services(self) -> Services:
        """The services attached at build time."""
        return _services(self.bot_data)

    @property
    def language(self) -> str:
        """The interface language of this update, resolved once before any handler runs
        (`bot.language`); the default language in jobs."""
        return str(self.__dict__.get("_language", DEFAULT_LANGUAGE))

    @language.setter
    def language(self, value: str) -> None:
        self.__dict__["_language"] = value

    @property
    def broadcasting(self) -> Broadcasting:
        """The store and deliverer; RuntimeError when the app was built without DATA_DIR."""
        found = self.services.broadcasting
        if found is None:
            raise RuntimeError("broadcasts need a data directory: set DATA_DIR")
        return found


CONTEXT_TYPES = ContextTypes(context=BotContext)


def attach(application: Application[Any, Any, Any, Any, Any, Any], found: Services) -> None:
    """Store the services on the application (once, in `build_application`)."""
    application.bot_data[_KEY] = found


def services_of(application: Application[Any, Any, Any, Any, Any, Any]) -> Services:
    """The services, outside a handler (post_init, the command line)."""
    return _services(application.bot_data)


def _services(bot_data: Any) -> Services:
    found = bot_data.get(_KEY)
    if not isinstance(found, Services):
        raise RuntimeError("services are not attached: build the app with build_application()")
    return found
