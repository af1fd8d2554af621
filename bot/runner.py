"""`briefing-bot run` and `briefing-bot broadcast`: read settings, configure logging, build the
app and run it.

Start-up problems are one line on stderr and exit code 2, found before any update is taken:
settings, the knowledge base, DATA_DIR and its files, the webhook port, the token (getMe) and
whether the Bot API answers at all. While running, expected network conditions (a 5xx, a
refused connection, another process polling with the same token) are one WARNING line each.

`run` takes updates through the durable intake (`bot.infra.intake`) from long polling or
from its own webhook server (`bot.infra.webhook`). SIGINT and SIGTERM stop it within a few
seconds whatever the backlog: nothing more is fed to the handlers, waits for the rate limit
end at once, replies already on the wire may finish; everything still owed stays in the journal
and is answered at the next start. Exit code 0.

`briefing-bot broadcast` (for cron) initialises the same Application without polling, finishes
broadcasts interrupted earlier, sends the new one and prints each report on stdout. It exits 0
when every delivery ended sent, unsubscribed (the chat is gone) or uncertain (reported, never
repeated); 1 when a delivery failed, or when a stop signal paused the broadcast (the rest is sent
at the next start of `run` or `broadcast`); 2 on a configuration problem.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import socket
import sqlite3
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from telegram.error import Conflict, InvalidToken, NetworkError, TelegramError

from bot.exits import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, CliError
from bot.infra.delivery import Report
from bot.infra.intake import JOURNAL_NAME, Intake, IntakeError, Journal, LaneProcessor
from bot.infra.store import StorageError, Store
from bot.present import texts
from bot.settings import (
    SecretRedactingFormatter,
    Settings,
    SettingsError,
    load_settings,
    redacting_formatter,
)
from knowledge import KnowledgeBase, KnowledgeError, load_knowledge

if TYPE_CHECKING:
    from bot.app import BotApplication

logger = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
# Loggers that print request URLs, which contain the bot token.
NOISY_LOGGERS = ("httpx", "httpcore")
# How long stopping may wait for replies already on the wire, and for the last getUpdates.
STOP_GRACE = 6.0
UPDATER_STOP = 3.0
# The same polling trouble is logged again only after this long.
REPEAT_WARNING_AFTER = 60.0


def run_bot(knowledge_dir: str | None, webhook: bool) -> int:
    """Run the bot until a stop signal; returns the process exit code."""
    try:
        settings = load_settings(knowledge_dir=knowledge_dir)
        if webhook:
            settings.check_webhook()
    except SettingsError as exc:
        raise CliError(f"briefing-bot: {exc}") from None
    configure_logging(settings)
    knowledge = _load(settings.knowledge_dir)
    store = open_store(settings)
    journal: Journal | None = None
    try:
        journal = open_journal(settings)
        sockets = _bind_webhook(settings) if webhook else []
        with _one_line_errors(settings, "cannot run the bot"):
            asyncio.run(_serve(settings, knowledge, store, journal, sockets))
    finally:
        store.close()
        if journal is not None:
            journal.close()
    return EXIT_OK


def open_journal(settings: Settings) -> Journal:
    """The update journal in DATA_DIR; a one-line CliError (exit 2) if it cannot be used."""
    assert settings.data_dir is not None  # load_settings always names one
    try:
        return Journal(settings.data_dir / JOURNAL_NAME)
    except IntakeError as exc:
        raise CliError(f"briefing-bot: {exc}") from None


def _bind_webhook(settings: Settings) -> list[socket.socket]:
    from bot.infra.webhook import bind

    try:
        return bind(settings.webhook_listen, settings.webhook_port)
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise CliError(
            f"briefing-bot: cannot listen on {settings.webhook_listen}:{settings.webhook_port} "
            f"for the webhook: {reason} (set WEBHOOK_LISTEN / WEBHOOK_PORT)"
        ) from None


@contextmanager
def _one_line_errors(settings: Settings, doing: str) -> Iterator[None]:
    """Turn start-up failures into one CliError line that never contains the token."""
    try:
        yield
    except KnowledgeError as exc:
        raise CliError(f"briefing-bot: knowledge base unusable: {exc.problems[0]}") from None
    except InvalidToken:
        # PTB's own message for this quotes the token: never show it.
        raise CliError(
            "briefing-bot: the Bot API rejected TELEGRAM_BOT_TOKEN (check it with @BotFather)"
        ) from None
    except NetworkError as exc:
        raise CliError(
            f"briefing-bot: {doing}: cannot reach the Bot API at {_api_host(settings)}: "
            f"{_reason(exc, settings)}", EXIT_USAGE,
        ) from None
    except TelegramError as exc:
        raise CliError(f"briefing-bot: {doing}: {_reason(exc, settings)}", EXIT_PROBLEM) from None


def _api_host(settings: Settings) -> str:
    parts = urlsplit(settings.api_base_url)
    return f"{parts.scheme}://{parts.netloc}"


def _reason(exc: TelegramError, settings: Settings) -> str:
    """An error's message, its cause named, the token masked."""
    reason = exc.message
    cause = exc.__cause__
    if cause is not None and str(cause) and str(cause) not in reason:
        reason = f"{reason} ({cause})"
    return reason.replace(settings.token.reveal(), "<token>")


async def _serve(settings: Settings, knowledge: KnowledgeBase, store: Store, journal: Journal,
                 sockets: list[socket.socket]) -> None:
    """Start, take updates until a stop signal, stop quickly."""
    from telegram.ext import Updater

    from bot.app import ALLOWED_UPDATES, build_application

    application = build_application(settings, knowledge, store=store)
    intake = Intake(journal)
    processor = application.update_processor
    assert isinstance(processor, LaneProcessor)  # build_application installs it
    processor.intake = intake
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in STOP_SIGNALS:
        loop.add_signal_handler(sig, stopping.set)
    # SIGHUP: load the knowledge base again (a broken one is refused and logged).
    loop.add_signal_handler(signal.SIGHUP, lambda: _reload_in_background(application))
    updater: Updater | None = None
    server: Any = None
    started = False
    try:
        await application.initialize()  # getMe: a bad token or an unreachable API stops here
        if application.post_init is not None:
            await application.post_init(application)
        await application.start()
        started = True
        intake.start(application.update_queue, application.bot)
        if sockets:
            from bot.infra.webhook import WebhookServer

            assert settings.webhook_secret_token is not None  # check_webhook made sure
            secret = settings.webhook_secret_token.reveal()
            server = WebhookServer(sockets, settings.webhook_path, intake, application.bot,
                                   secret)
            server.start()
            await application.bot.set_webhook(
                settings.webhook_url or "", secret_token=secret, allowed_updates=ALLOWED_UPDATES)
            logger.info("serving the webhook on %s:%d/%s", settings.webhook_listen,
                        settings.webhook_port, settings.webhook_path)
        else:
            await application.bot.delete_webhook()
            updater = Updater(application.bot, intake)
            await updater.initialize()
            await updater.start_polling(
                timeout=settings.polling_timeout,
                allowed_updates=ALLOWED_UPDATES,
                error_callback=_PollingTrouble(),
            )
            logger.info("polling for updates")
        await stopping.wait()
    finally:
        for sig in (*STOP_SIGNALS, signal.SIGHUP):
            with suppress(ValueError, RuntimeError):
                loop.remove_signal_handler(sig)
        await _stop(application, intake, updater, server, started)


async def _stop(application: BotApplication, intake: Intake, updater: Any, server: Any,
                started: bool) -> None:
    """Stop within seconds: owed updates stay in the journal for the next start."""
    from bot.infra.ratelimit import Limiter

    began = time.monotonic()
    if started:
        logger.info("stopping; questions not yet answered are kept for the next start")
    intake.stop()
    limiter = application.bot.rate_limiter
    if isinstance(limiter, Limiter):
        limiter.stop()
    if server is not None:
        await server.stop()
    if updater is not None and updater.running:
        try:
            await asyncio.wait_for(updater.stop(), UPDATER_STOP)
        except (TimeoutError, TelegramError) as exc:
            logger.warning("could not confirm the last updates to Telegram (%s); they are "
                           "journalled and will be recognised when they come again", exc)
    if started and application.running:
        try:
            await asyncio.wait_for(application.stop(), STOP_GRACE)
        except TimeoutError:
            logger.warning("replies still on their way after %gs were abandoned", STOP_GRACE)
    with suppress(TelegramError, RuntimeError):
        await application.shutdown()
    if started:
        counts = intake.journal.counts()
        logger.info("stopped in %.1fs; %d question(s) owed for the next start",
                    time.monotonic() - began, counts.get("pending", 0))


def _reload_in_background(application: BotApplication) -> None:
    from handlers.curators import reload_knowledge

    if application.running:
        application.create_task(reload_knowledge(application), name="reload-knowledge")


class _PollingTrouble:
    """getUpdates failures as one WARNING line each, the same one at most once a minute."""

    def __init__(self) -> None:
        self._last: tuple[str, float] = ("", 0.0)

    def __call__(self, error: TelegramError) -> None:
        if isinstance(error, Conflict):
            message = ("another process is polling with this token (409 Conflict); this one "
                       "gets no updates until it stops")
        elif isinstance(error, NetworkError):
            cause = error.__cause__
            detail = f"{error.message} ({cause})" if cause and str(cause) else error.message
            message = f"cannot get updates from the Bot API: {detail}; retrying"
        else:
            message = f"getUpdates failed: {error.message}; retrying"
        now = time.monotonic()
        if message != self._last[0] or now - self._last[1] > REPEAT_WARNING_AFTER:
            logger.warning("%s", message)
            self._last = (message, now)


def run_broadcast(
    knowledge_dir: str | None, kind: str | None, text: str | None, resume_only: bool,
    language: str = texts.DEFAULT_LANGUAGE,
) -> int:
    """`briefing-bot broadcast`: resume, send one broadcast, print the reports; the exit code."""
    try:
        settings = load_settings(knowledge_dir=knowledge_dir)
    except SettingsError as exc:
        raise CliError(f"briefing-bot: {exc}") from None
    configure_logging(settings)
    knowledge = _load(settings.knowledge_dir)
    with _one_line_errors(settings, "cannot broadcast"):
        try:
            return asyncio.run(_broadcast(settings, knowledge, kind, text, resume_only,
                                           language))
        except StorageError as exc:  # the file failed mid-way: one line too
            raise CliError(f"briefing-bot: {exc}") from None


async def _broadcast(settings: Settings, knowledge: KnowledgeBase, kind: str | None,
                     text: str | None, resume_only: bool, language: str) -> int:
    from bot.app import build_application
    from bot.context import services_of
    from bot.present.plain import report_as_text
    from bot.present.progress import TerminalProgress
    from handlers.broadcasts import sending
    from handlers.broadcasts.kinds import ANNOUNCEMENT

    application = build_application(settings, knowledge, store=open_store(settings))
    found = services_of(application).broadcasting
    assert found is not None  # load_settings always names a data directory
    # A stop signal ends the broadcast between two chats; the rest stays pending.
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in STOP_SIGNALS:
        loop.add_signal_handler(sig, stopping.set)

    def keep_going() -> bool:
        return not stopping.is_set()

    # Progress on stderr: a bar on a terminal, a line every 10 % (or 10 s) from cron.
    progress = TerminalProgress(found.store, sys.stderr, language=language)
    # Reports printed: broadcasts this process finished and claimed (one another process
    # finished meanwhile was reported there), and the one it was asked to send.
    reports: list[Report] = []
    nobody = False
    try:
        async with application:  # initialise (getMe) and shut down; no polling
            reports += await sending.resume(application.bot, found, keep_going, progress)
            if not resume_only and keep_going():
                recorded = await sending.record(kind or ANNOUNCEMENT, text or "", knowledge, found,
                                                   None, None)
                if recorded is None:
                    nobody = True
                else:
                    reports.append(await sending.deliver_and_report(
                        application.bot, recorded, found, keep_going, progress))
        chats = await sending.known_chats(found)
    finally:
        for sig in STOP_SIGNALS:
            with suppress(ValueError, RuntimeError):
                loop.remove_signal_handler(sig)
        found.store.close()

    for report in reports:
        print(report_as_text(report, chats, language))
    if resume_only and not reports:
        print(texts.text("console_nothing_to_resume", language))
    if nobody:
        print(texts.text("console_nobody_subscribed", language))
    if stopping.is_set():
        logger.warning("stopped by a signal; the remaining chats are sent at the next start")
        return EXIT_PROBLEM
    return EXIT_PROBLEM if any(r.failed or not r.finished for r in reports) else EXIT_OK


def open_store(settings: Settings) -> Store:
    """The store in DATA_DIR; a one-line CliError (exit 2) if it cannot be opened.

    The store checks itself whole on opening (corrupt pages or texts, a read-only DATA_DIR, a
    locked database, a directory at the lock path): each is one line naming the file and what
    to do, never a traceback.
    """
    assert settings.data_dir is not None  # load_settings always names one
    try:
        return Store.in_directory(settings.data_dir)
    except StorageError as exc:
        raise CliError(f"briefing-bot: {exc}") from None
    except (OSError, sqlite3.Error, RuntimeError) as exc:
        raise CliError(
            f"briefing-bot: cannot use DATA_DIR {settings.data_dir}: {exc}"
        ) from None


def configure_logging(settings: Settings) -> None:
    """Apply LOG_LEVEL (unless -v asked for more), quiet URL-logging libraries, mask secrets."""
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    level = logging.getLevelName(settings.log_level)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    for handler in root.handlers:
        if not isinstance(handler.formatter, SecretRedactingFormatter):
            handler.setFormatter(redacting_formatter(handler.formatter, settings))


def _load(directory: str | None) -> KnowledgeBase:
    try:
        return load_knowledge(directory)
    except KnowledgeError as exc:
        more = f" (and {len(exc.problems) - 1} more; run 'briefing-bot check')" if len(
            exc.problems) > 1 else ""
        raise CliError(f"briefing-bot: knowledge base unusable: {exc.problems[0]}{more}") from None
