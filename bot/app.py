"""Build the Telegram Application: the one place handlers are registered.

`build_application` is importable, so tests build exactly the app that runs; `bot.runner` only
reads settings, configures logging and runs it. Commands come from the command table
(`bot.commands`), each with its handler; the other updates (buttons, inline queries, plain
questions, membership changes) are registered below, in the order that matters.
"""

from __future__ import annotations

import logging
from itertools import product
from typing import Any

from telegram import (
    BotCommand,
    BotCommandScope,
    BotCommandScopeAllChatAdministrators,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    JobQueue,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.addressing import MENTIONS_BOT, REPLIES_TO_BOT
from bot.commands import COMMANDS, Where, menu
from bot.context import CONTEXT_TYPES, Broadcasting, Services, attach, services_of
from bot.infra.delivery import Deliverer
from bot.infra.flood import FloodGuard
from bot.infra.insights import AsyncInsights, open_insights
from bot.infra.intake import LaneProcessor
from bot.infra.ratelimit import build_rate_limiter
from bot.infra.store import AsyncStore, Store
from bot.present import texts
from bot.settings import Settings
from handlers import buttons, curators, errors, inline, language, questions, subscriptions
from handlers.broadcasts import command as broadcasts
from handlers.guard import guarded
from knowledge import KnowledgeBase

logger = logging.getLogger(__name__)

BotApplication = Application[Any, Any, Any, Any, Any, Any]

# The updates the bot serves; Telegram does not send the others (edits, channel posts).
# my_chat_member tells the bot it was removed from a chat, which is then unsubscribed.
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY,
                   Update.MY_CHAT_MEMBER]

DAILY_JOB = "quote-of-the-day"
PRUNE_JOB = "prune-insights"
RESUME_JOB = "resume-broadcasts"
WATCH_JOB = "resume-abandoned-broadcasts"

# New messages only: an edited message or a channel post is never treated as a question.
NEW_MESSAGE = filters.UpdateType.MESSAGE
PRIVATE = filters.ChatType.PRIVATE
GROUPS = filters.ChatType.GROUPS
PLAIN_TEXT = filters.TEXT & ~filters.COMMAND


def build_application(
    settings: Settings,
    knowledge: KnowledgeBase,
    request: BaseRequest | None = None,
    get_updates_request: BaseRequest | None = None,
    store: Store | None = None,
) -> BotApplication:
    """The bot, wired: services attached, handlers registered, command menus set at start-up.

    `request` and `get_updates_request` replace the HTTP layer (tests record calls with them).
    The store is opened in `settings.data_dir` unless one is passed; without either there are
    no subscriptions or broadcasts. `post_shutdown` closes it when the application shuts down.

    Updates are processed by a `LaneProcessor`: different chats concurrently, each chat in
    order. The app has no Updater of its own: `bot.runner` feeds it through the durable intake
    (`bot.infra.intake`), from polling or from its webhook server. Every handler's context is a
    `bot.context.BotContext`, with the services typed.
    """
    builder = (
        ApplicationBuilder()
        .token(settings.token.reveal())
        .base_url(settings.api_base_url)
        .base_file_url(settings.api_base_file_url)
        .defaults(Defaults(
            parse_mode=ParseMode.HTML,
            link_preview_options=LinkPreviewOptions(is_disabled=True),
        ))
        .context_types(CONTEXT_TYPES)
        # Every request (answers and broadcasts) within Telegram's flood limits; the limiter
        # also owns every retry.
        .rate_limiter(build_rate_limiter(settings))
        # Chats concurrently, each chat in order (the intake bounds how many are in flight).
        .concurrent_updates(LaneProcessor())
        .updater(None)
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
    )
    if request is not None:
        builder = builder.request(request)
    if get_updates_request is not None:
        builder = builder.get_updates_request(get_updates_request)
    application: BotApplication = builder.build()
    if store is None and settings.data_dir is not None:
        store = Store.in_directory(settings.data_dir)
    broadcasting = None
    if store is not None:
        shared = AsyncStore(store)
        broadcasting = Broadcasting(shared, Deliverer(application.bot, shared),
                                    settings.admin_user_ids, settings.broadcast_resume_seconds)
    flood = FloodGuard(settings.flood_questions, settings.flood_seconds)
    insights = None
    if settings.data_dir is not None:
        insights = AsyncInsights(open_insights(settings.data_dir,
                                               settings.insights_retention_days))
    attach(application, Services.create(knowledge, settings.inline_cache_seconds, broadcasting,
                                        flood, COMMANDS, insights))

    # 0. Before everything else, in its own group: the update's interface language, resolved
    #    once (the group's setting, the reader's choice, Telegram's language_code) and put on
    #    the context that every handler below shares.
    application.add_handler(TypeHandler(Update, language.resolve), group=-1)
    # 1. Commands, in private chats and groups alike; CommandHandler accepts /cmd@thisbot and
    #    ignores /cmd@otherbot. Registered first so "/expert x" is never read as a question.
    for command in COMMANDS:
        application.add_handler(CommandHandler(command.name, command.handler,
                                               filters=NEW_MESSAGE))
    # 2. Buttons: one handler, which validates the data before acting on it.
    application.add_handler(CallbackQueryHandler(guarded(buttons.button)))
    # 3. Inline mode.
    application.add_handler(InlineQueryHandler(inline.inline_query))
    # 4. Questions: any text in a private chat; in groups only text that mentions the bot or
    #    replies to it, so ordinary group chatter gets no answer.
    application.add_handler(MessageHandler(NEW_MESSAGE & PRIVATE & PLAIN_TEXT,
                                           guarded(questions.ask_text)))
    application.add_handler(MessageHandler(
        NEW_MESSAGE & GROUPS & PLAIN_TEXT & (MENTIONS_BOT | REPLIES_TO_BOT),
        guarded(questions.ask_text),
    ))
    # 5. Anything else sent privately (stickers, photos, voice): a hint that questions are text.
    #    Unserved updates (edits, channel posts, other group messages) match no handler.
    application.add_handler(MessageHandler(NEW_MESSAGE & PRIVATE & ~filters.COMMAND,
                                           guarded(questions.not_text)))
    if broadcasting is not None:
        # 6. The bot's own membership (removed, kicked, muted: unsubscribe) and a group's
        #    service message on becoming a supergroup (the subscription follows it).
        application.add_handler(ChatMemberHandler(subscriptions.membership,
                                                  ChatMemberHandler.MY_CHAT_MEMBER))
        application.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE,
                                               subscriptions.migrated))
        # 7. The quote of the day, if scheduled; jobs run beside updates, never blocking them.
        if settings.broadcast_daily_at is not None:
            _job_queue(application).run_daily(
                broadcasts.quote_of_the_day,
                time=settings.broadcast_daily_at.replace(tzinfo=settings.broadcast_timezone),
                name=DAILY_JOB,
            )
    # 8. Last: the error handler, for whatever a handler above raises.
    application.add_error_handler(errors.on_error)
    return application


def _job_queue(application: BotApplication) -> JobQueue[Any]:
    if application.job_queue is None:
        raise RuntimeError('scheduling needs python-telegram-bot["job-queue"] installed')
    return application.job_queue


async def _post_init(application: BotApplication) -> None:
    """Register the command menus; then, in the background, finish interrupted broadcasts."""
    found = services_of(application).broadcasting
    menus: list[tuple[Where, BotCommandScope]] = [
        (Where.PRIVATE, BotCommandScopeAllPrivateChats()),
        (Where.GROUP, BotCommandScopeAllGroupChats()),
    ]
    if found is not None:
        menus.append((Where.GROUP_ADMIN, BotCommandScopeAllChatAdministrators()))
        menus += [(Where.BOT_ADMIN, BotCommandScopeChat(user_id))
                  for user_id in sorted(found.admin_user_ids)]
    # Every menu in every language: the default's for everyone, then each other language's for
    # the users whose Telegram speaks it (language_code).
    for lang, (where, scope) in product(texts.languages(), menus):
        commands = [BotCommand(c.name, c.description(lang)) for c in menu(where)]
        code = None if lang == texts.DEFAULT_LANGUAGE else lang
        try:
            await application.bot.set_my_commands(commands, scope=scope, language_code=code)
        except TelegramError as exc:
            if where != Where.BOT_ADMIN:
                raise
            # Telegram knows a user's private chat only once they have started the bot.
            logger.warning("no command menu for bot administrator %s (%s): they should send "
                           "/start to the bot", getattr(scope, "chat_id", "?"), exc.message)
    logger.info("command menus registered for private chats, groups and administrators, in %s",
                ", ".join(texts.languages()))
    if found is not None:
        # A job starts once the application runs, so the broadcast can stop with it.
        _job_queue(application).run_once(broadcasts.resume, when=0, name=RESUME_JOB)
        # And those a dead process leaves later, while this one runs.
        _job_queue(application).run_repeating(broadcasts.resume_abandoned,
                                              interval=found.resume_seconds, name=WATCH_JOB)
    if services_of(application).insights is not None:
        # Unanswered questions and votes past INSIGHTS_RETENTION_DAYS go, at start and daily.
        _job_queue(application).run_repeating(curators.prune, interval=86400, first=0,
                                              name=PRUNE_JOB)


async def _post_shutdown(application: BotApplication) -> None:
    """Close the store and the insights file once nothing can use them any more."""
    found = services_of(application)
    if found.broadcasting is not None:
        found.broadcasting.store.close()
    if found.insights is not None:
        found.insights.sync.close()
