"""`briefing-bot run` and `briefing-bot broadcast`: read settings, configure logging, build the
app and run it.

Configuration problems (token, webhook settings, knowledge base) are one line and exit code 2,
reported by the CLI. SIGINT and SIGTERM stop polling or the webhook server and return 0.

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
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from telegram.error import InvalidToken, TelegramError

from bot.cli import EXIT_OK, EXIT_PROBLEM, CliError
from bot.delivery import Report
from bot.settings import (
    SecretRedactingFormatter,
    Settings,
    SettingsError,
    load_settings,
    redacting_formatter,
)
from bot.storage import StorageError, Store
from knowledge import KnowledgeBase, KnowledgeError, load_knowledge

logger = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
# Loggers that print request URLs, which contain the bot token.
NOISY_LOGGERS = ("httpx", "httpcore")


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

    with _one_line_errors(settings, "cannot run the bot"):
        _run(settings, knowledge, webhook)
    logger.info("stopped")
    return EXIT_OK


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
    except TelegramError as exc:
        reason = str(exc).replace(settings.token.reveal(), "<token>")
        raise CliError(f"briefing-bot: {doing}: {reason}", EXIT_PROBLEM) from None


def _run(settings: Settings, knowledge: KnowledgeBase, webhook: bool) -> None:
    from bot.app import ALLOWED_UPDATES, build_application

    application = build_application(settings, knowledge, store=open_store(settings))
    if webhook:
        assert settings.webhook_secret_token is not None  # check_webhook made sure
        logger.info("serving the webhook on %s:%d/%s", settings.webhook_listen,
                    settings.webhook_port, settings.webhook_path)
        application.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=settings.webhook_path,
            webhook_url=settings.webhook_url,
            secret_token=settings.webhook_secret_token.reveal(),
            allowed_updates=ALLOWED_UPDATES,
            stop_signals=STOP_SIGNALS,
        )
    else:
        logger.info("polling for updates")
        application.run_polling(
            timeout=settings.polling_timeout,
            allowed_updates=ALLOWED_UPDATES,
            stop_signals=STOP_SIGNALS,
        )


def run_broadcast(
    knowledge_dir: str | None, kind: str | None, text: str | None, resume_only: bool
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
            return asyncio.run(_broadcast(settings, knowledge, kind, text, resume_only))
        except StorageError as exc:  # the file failed mid-way: one line too
            raise CliError(f"briefing-bot: {exc}") from None


async def _broadcast(settings: Settings, knowledge: KnowledgeBase, kind: str | None,
                     text: str | None, resume_only: bool) -> int:
    from bot import broadcasts
    from bot.app import build_application
    from bot.plain import report_as_text
    from bot.progress import TerminalProgress
    from bot.services import services_of

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
    progress = TerminalProgress(found.store, sys.stderr)
    # Reports printed: broadcasts this process finished and claimed (one another process
    # finished meanwhile was reported there), and the one it was asked to send.
    reports: list[Report] = []
    nobody = False
    try:
        async with application:  # initialise (getMe) and shut down; no polling
            reports += await broadcasts.resume(application.bot, found, keep_going, progress)
            if not resume_only and keep_going():
                recorded = await broadcasts.record(kind or "text", text or "", knowledge, found,
                                                   None, None)
                if recorded is None:
                    nobody = True
                else:
                    reports.append(await broadcasts.deliver_and_report(
                        application.bot, recorded, found, keep_going, progress))
        chats = await broadcasts.known_chats(found)
    finally:
        for sig in STOP_SIGNALS:
            with suppress(ValueError, RuntimeError):
                loop.remove_signal_handler(sig)
        found.store.close()

    for report in reports:
        print(report_as_text(report, chats))
    if resume_only and not reports:
        print("nothing to resume: no broadcast was interrupted")
    if nobody:
        print("no chat is subscribed: nothing sent")
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
