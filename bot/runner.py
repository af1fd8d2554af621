"""`briefing-bot run`: read settings, configure logging, build the app and run it.

Configuration problems (token, webhook settings, knowledge base) are one line and exit code 2,
reported by the CLI. SIGINT and SIGTERM stop polling or the webhook server and return 0.
"""

from __future__ import annotations

import logging
import signal

from telegram.error import InvalidToken, TelegramError

from bot.cli import EXIT_OK, EXIT_PROBLEM, CliError
from bot.settings import Settings, SettingsError, TokenRedactingFormatter, load_settings
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

    try:
        _run(settings, knowledge, webhook)
    except KnowledgeError as exc:
        raise CliError(f"briefing-bot: knowledge base unusable: {exc.problems[0]}") from None
    except InvalidToken:
        # PTB's own message for this quotes the token: never show it.
        raise CliError(
            "briefing-bot: the Bot API rejected TELEGRAM_BOT_TOKEN (check it with @BotFather)"
        ) from None
    except TelegramError as exc:
        reason = str(exc).replace(settings.token.reveal(), "<token>")
        raise CliError(f"briefing-bot: cannot run the bot: {reason}", EXIT_PROBLEM) from None
    logger.info("stopped")
    return EXIT_OK


def _run(settings: Settings, knowledge: KnowledgeBase, webhook: bool) -> None:
    from bot.app import ALLOWED_UPDATES, build_application

    application = build_application(settings, knowledge)
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
    """`briefing-bot broadcast`: not built yet (issue 4)."""
    raise CliError("briefing-bot: broadcasts are not available yet")


def configure_logging(settings: Settings) -> None:
    """Apply LOG_LEVEL (unless -v asked for more), quiet URL-logging libraries, mask the token."""
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    level = logging.getLevelName(settings.log_level)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    for handler in root.handlers:
        if not isinstance(handler.formatter, TokenRedactingFormatter):
            handler.setFormatter(TokenRedactingFormatter(handler.formatter, settings.token))


def _load(directory: str | None) -> KnowledgeBase:
    try:
        return load_knowledge(directory)
    except KnowledgeError as exc:
        more = f" (and {len(exc.problems) - 1} more; run 'briefing-bot check')" if len(
            exc.problems) > 1 else ""
        raise CliError(f"briefing-bot: knowledge base unusable: {exc.problems[0]}{more}") from None
