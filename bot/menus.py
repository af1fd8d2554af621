"""What a command is, and which menus show it: the types of the command table.

The table itself is `bot.commands`; it names each command's handler, so it imports every
feature. These types live apart from it so that a feature (/help lists the commands) can use
them without importing the table; the table reaches /help through `Services.commands`.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

from telegram import Update

from bot.present import texts
from bot.present.texts import DEFAULT_LANGUAGE

if TYPE_CHECKING:
    from bot.context import BotContext

Handler = Callable[[Update, "BotContext"], Coroutine[Any, Any, None]]


class Where(Enum):
    """Which menu a command appears in.

    Telegram shows the most specific menu that applies, not a union: a group's administrators
    see the GROUP_ADMIN menu instead of the GROUP one, a bot administrator the BOT_ADMIN menu in
    their private chat. `menu` builds each from the commands that belong there.
    """

    PRIVATE = "private"
    GROUP = "group"
    GROUP_ADMIN = "group administrators"
    BOT_ADMIN = "bot administrators"


EVERYWHERE = frozenset({Where.PRIVATE, Where.GROUP})


@dataclass(frozen=True)
class Command:
    """A slash command: its name, the handler that answers it, its argument hint, its menus.

    The line shown in menus and /help is the catalogue's `command_<name>`, so it is translated
    with the rest of the texts.
    """

    name: str
    handler: Handler
    arguments: str = ""
    where: frozenset[Where] = EVERYWHERE

    def description(self, language: str = DEFAULT_LANGUAGE) -> str:
        """The line shown in menus and /help."""
        return texts.text(f"command_{self.name}", language)

    @property
    def usage(self) -> str:
        """How to type it, for /help: `/expert [name] [topic]`."""
        return f"/{self.name} {self.arguments}".rstrip()


# What each menu adds to the one it replaces for that audience.
_EXTENDS = {Where.GROUP_ADMIN: Where.GROUP, Where.BOT_ADMIN: Where.PRIVATE}


def commands_for(table: Sequence[Command], where: Where) -> tuple[Command, ...]:
    """The commands shown in one menu, in table order."""
    return tuple(c for c in table if where in c.where)


def menu(table: Sequence[Command], where: Where) -> tuple[Command, ...]:
    """Everything one audience's menu lists: its own commands after the ones it replaces."""
    base = commands_for(table, _EXTENDS[where]) if where in _EXTENDS else ()
    return base + tuple(c for c in commands_for(table, where) if c not in base)
