"""The one command table: every command, the handler that answers it, its menus.

`build_application` registers each entry's handler; `setMyCommands` menus and /help are built
from the same table, so the menu cannot drift from what the bot answers. A new command is an
entry here, its handler in its feature module and `command_<name>` in the text catalogue.
Readers' commands pass the flood guard first; administrators' do not.
"""

from __future__ import annotations

from bot.menus import EVERYWHERE, Command, Where
from bot.menus import commands_for as _commands_for
from bot.menus import menu as _menu
from handlers import curators, experts, language, questions, start, subscriptions, topics
from handlers.broadcasts import command as broadcasts
from handlers.broadcasts.kinds import arguments as broadcast_arguments
from handlers.guard import guarded

__all__ = ["COMMANDS", "Command", "Where", "commands_for", "menu"]

_PRIVATE = frozenset({Where.PRIVATE})
_ADMINS = frozenset({Where.GROUP_ADMIN, Where.BOT_ADMIN})
_BOT_ADMINS = frozenset({Where.BOT_ADMIN})

COMMANDS: tuple[Command, ...] = (
    Command("start", guarded(start.start), where=_PRIVATE),
    Command("ask", guarded(questions.ask_command), "<question>", EVERYWHERE),
    Command("expert", guarded(experts.expert), "[name] [topic]", EVERYWHERE),
    Command("topics", guarded(topics.topics), where=EVERYWHERE),
    Command("about", guarded(start.about), where=EVERYWHERE),
    Command("help", guarded(start.help_command), where=EVERYWHERE),
    Command("language", guarded(language.language), "[tr|en]", EVERYWHERE),
    Command("subscribe", subscriptions.subscribe, "[@channel]", _ADMINS),
    Command("unsubscribe", subscriptions.unsubscribe, "[@channel]", _ADMINS),
    Command("subscriptions", subscriptions.subscriptions, where=_BOT_ADMINS),
    Command("broadcast", broadcasts.broadcast, broadcast_arguments(), _BOT_ADMINS),
    Command("unanswered", curators.unanswered, where=_BOT_ADMINS),
    Command("reload", curators.reload, where=_BOT_ADMINS),
)


def commands_for(where: Where) -> tuple[Command, ...]:
    """The commands shown in one menu, in table order."""
    return _commands_for(COMMANDS, where)


def menu(where: Where) -> tuple[Command, ...]:
    """Everything one audience's menu lists: its own commands after the ones it replaces."""
    return _menu(COMMANDS, where)
