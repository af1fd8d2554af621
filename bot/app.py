"""Build the Telegram Application: the one place handlers are registered.

`build_application` is importable, so tests build exactly the app that runs; `bot.runner` only
reads settings, configures logging and runs it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ParseMode
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.addressing import MENTIONS_BOT, REPLIES_TO_BOT
from bot.commands import COMMANDS, Where, commands_for
from bot.services import Services, attach
from bot.settings import Settings
from handlers import ask, errors, experts, inline, start
from knowledge import KnowledgeBase

logger = logging.getLogger(__name__)

Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]
BotApplication = Application[Any, Any, Any, Any, Any, Any]

# Every command in the table, and the handler that answers it.
COMMAND_HANDLERS: dict[str, Handler] = {
    "start": start.start,
    "help": start.help_command,
    "about": start.about,
    "ask": ask.ask_command,
    "expert": experts.expert,
    "topics": experts.topics,
}

# The updates the bot serves; Telegram does not send the others (edits, channel posts).
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]

# New messages only: an edited message or a channel post is never treated as a question.
NEW_MESSAGE = filters.UpdateType.MESSAGE
PRIVATE = filters.ChatType.PRIVATE
GROUPS = filters.ChatType.GROUPS
PLAIN_TEXT = filters.TEXT & ~filters.COMMAND


# READY-FOR-BROADCASTS
# Wiring for issue 3 is complete and tested. Broadcast handlers (/subscribe, ...) register in
# build_application before the error handler, which stays last; their commands go in
# bot/commands.py and COMMAND_HANDLERS so /help and the menus list them.


def build_application(
    settings: Settings,
    knowledge: KnowledgeBase,
    request: BaseRequest | None = None,
    get_updates_request: BaseRequest | None = None,
) -> BotApplication:
    """The bot, wired: services attached, handlers registered, command menus set at start-up.

    `request` and `get_updates_request` replace the HTTP layer (tests record calls with them).
    """
    missing = {c.name for c in COMMANDS} ^ set(COMMAND_HANDLERS)
    if missing:
        raise RuntimeError(f"command table and handlers disagree on: {', '.join(sorted(missing))}")

    builder = (
        ApplicationBuilder()
        .token(settings.token.reveal())
        .base_url(settings.api_base_url)
        .base_file_url(settings.api_base_file_url)
        .defaults(Defaults(
            parse_mode=ParseMode.HTML,
            link_preview_options=LinkPreviewOptions(is_disabled=True),
        ))
        .post_init(_post_init)
    )
    if request is not None:
        builder = builder.request(request)
    if get_updates_request is not None:
        builder = builder.get_updates_request(get_updates_request)
    application: BotApplication = builder.build()
    attach(application, Services.create(knowledge, settings.inline_cache_seconds))

    # 1. Commands, in private chats and groups alike; CommandHandler accepts /cmd@thisbot and
    #    ignores /cmd@otherbot. Registered first so "/expert x" is never read as a question.
    for command in COMMANDS:
        application.add_handler(
            CommandHandler(command.name, COMMAND_HANDLERS[command.name], filters=NEW_MESSAGE)
        )
    # 2. Buttons: one handler, which validates the data before acting on it.
    application.add_handler(CallbackQueryHandler(experts.button))
    # 3. Inline mode.
    application.add_handler(InlineQueryHandler(inline.inline_query))
    # 4. Questions: any text in a private chat; in groups only text that mentions the bot or
    #    replies to it, so ordinary group chatter gets no answer.
    application.add_handler(MessageHandler(NEW_MESSAGE & PRIVATE & PLAIN_TEXT, ask.ask_text))
    application.add_handler(MessageHandler(
        NEW_MESSAGE & GROUPS & PLAIN_TEXT & (MENTIONS_BOT | REPLIES_TO_BOT), ask.ask_text
    ))
    # 5. Anything else sent privately (stickers, photos, voice): a hint that questions are text.
    #    Unserved updates (edits, channel posts, other group messages) match no handler.
    application.add_handler(MessageHandler(NEW_MESSAGE & PRIVATE & ~filters.COMMAND, ask.not_text))
    # 6. Last: the error handler, for whatever a handler above raises.
    application.add_error_handler(errors.on_error)
    return application


async def _post_init(application: BotApplication) -> None:
    """Register the command menus from the same table the handlers come from."""
    for where, scope in (
        (Where.PRIVATE, BotCommandScopeAllPrivateChats()),
        (Where.GROUP, BotCommandScopeAllGroupChats()),
    ):
        await application.bot.set_my_commands(
            [BotCommand(c.name, c.description) for c in commands_for(where)], scope=scope
        )
    logger.info("command menus registered for private chats and groups")
