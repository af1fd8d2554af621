"""The one command table: /help text and the setMyCommands menus are both built from it.

`bot.app` registers a handler for every name here and refuses to build if one is missing, so the
menu cannot drift from what the bot actually answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Where(Enum):
    """Which menu a command appears in."""

    PRIVATE = "private"
    GROUP = "group"


@dataclass(frozen=True)
class Command:
    """A slash command: its name, the line shown in menus, its argument hint, its menus."""

    name: str
    description: str
    arguments: str = ""
    where: frozenset[Where] = frozenset({Where.PRIVATE, Where.GROUP})

    @property
    def usage(self) -> str:
        """How to type it, for /help: `/expert [name]`."""
        return f"/{self.name} {self.arguments}".rstrip()


_BOTH = frozenset({Where.PRIVATE, Where.GROUP})

COMMANDS: tuple[Command, ...] = (
    Command("start", "What this bot knows and how to ask", where=frozenset({Where.PRIVATE})),
    Command("ask", "Ask the experts a question", "<question>", _BOTH),
    Command("expert", "The experts; one expert's positions", "[name]", _BOTH),
    Command("topics", "The topics, with the experts' quotes on each", where=_BOTH),
    Command("about", "The briefing: meeting, publisher, compiler, source", where=_BOTH),
    Command("help", "How to ask, and the commands", where=_BOTH),
)


def commands_for(where: Where) -> tuple[Command, ...]:
    """The commands shown in one menu, in table order."""
    return tuple(c for c in COMMANDS if where in c.where)
