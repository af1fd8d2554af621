"""The one command table: /help text and the setMyCommands menus are both built from it.

`bot.app` registers a handler for every name here and refuses to build if one is missing, so the
menu cannot drift from what the bot actually answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from bot.present import texts
from bot.present.texts import DEFAULT_LANGUAGE


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


@dataclass(frozen=True)
class Command:
    """A slash command: its name, its argument hint, its menus.

    The line shown in menus and /help is the catalogue's `command_<name>`, so it is translated
    with the rest of the texts.
    """

    name: str
    arguments: str = ""
    where: frozenset[Where] = frozenset({Where.PRIVATE, Where.GROUP})

    def description(self, language: str = DEFAULT_LANGUAGE) -> str:
        """The line shown in menus and /help."""
        return texts.text(f"command_{self.name}", language)

    @property
    def usage(self) -> str:
        """How to type it, for /help: `/expert [name]`."""
        return f"/{self.name} {self.arguments}".rstrip()


_BOTH = frozenset({Where.PRIVATE, Where.GROUP})

COMMANDS: tuple[Command, ...] = (
    Command("start", where=frozenset({Where.PRIVATE})),
    Command("ask", "<question>", _BOTH),
    Command("expert", "[name] [topic]",
            _BOTH),
    Command("topics", where=_BOTH),
    Command("about", where=_BOTH),
    Command("help", where=_BOTH),
    Command("subscribe", "[@channel]",
            frozenset({Where.GROUP_ADMIN, Where.BOT_ADMIN})),
    Command("unsubscribe", "[@channel]",
            frozenset({Where.GROUP_ADMIN, Where.BOT_ADMIN})),
    Command("subscriptions", where=frozenset(
        {Where.BOT_ADMIN})),
    Command("broadcast", "digest | quote | <text>", frozenset({Where.BOT_ADMIN})),
)

# What each menu adds to the one it replaces for that audience.
_EXTENDS = {Where.GROUP_ADMIN: Where.GROUP, Where.BOT_ADMIN: Where.PRIVATE}


def commands_for(where: Where) -> tuple[Command, ...]:
    """The commands shown in one menu, in table order."""
    return tuple(c for c in COMMANDS if where in c.where)


def menu(where: Where) -> tuple[Command, ...]:
    """Everything one audience's menu lists: its own commands after the ones it replaces."""
    base = commands_for(_EXTENDS[where]) if where in _EXTENDS else ()
    return base + tuple(c for c in commands_for(where) if c not in base)
