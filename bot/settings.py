"""Settings: one typed, frozen object read from the environment and an optional `.env` file.

The environment wins over `.env`, so a deployment can override a developer's file. The bot token
is held in a `Secret`, whose str() and repr() never show it: only `reveal()` does, and only the
Application builder calls that.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from urllib.parse import quote, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from telegram.constants import FloodLimit

from bot.environment import SettingsError, read_environment
from bot.environment import read_dotenv as read_dotenv  # re-exported: part of this API

DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"
# What BotFather hands out: the bot's numeric id, a colon, then 35 URL-safe characters.
TOKEN_PATTERN = re.compile(r"\d{3,20}:[A-Za-z0-9_-]{30,60}")
# Telegram's rule for setWebhook's secret_token: 1-256 characters A-Z, a-z, 0-9, _ and -.
SECRET_TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,256}")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
XDG_DATA_HOME = "XDG_DATA_HOME"  # the freedesktop.org base directory, not a setting of ours
# Telegram's documented flood limits: about 30 messages a second overall, 20 a minute per group.
OVERALL_MESSAGES, OVERALL_SECONDS = int(FloodLimit.MESSAGES_PER_SECOND), 1.0
GROUP_MESSAGES, GROUP_SECONDS = int(FloodLimit.MESSAGES_PER_MINUTE_PER_GROUP), 60.0
# Telegram advises about one message a second in any one private chat.
CHAT_MESSAGES, CHAT_SECONDS = int(FloodLimit.MESSAGES_PER_SECOND_PER_CHAT), 1.0
MAX_RETRIES = 3
MAX_WAIT = 60.0
# A reader may ask this many questions in any window of this many seconds; beyond that they get
# one "slow down" and the excess is dropped.
FLOOD_QUESTIONS, FLOOD_SECONDS = 20, 60.0
RESUME_SECONDS = 20.0


class Secret:
    """A string that does not print: str() and repr() are masked, `reveal()` gives the value."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        """The real value, for the one place that needs it."""
        return self._value

    def __str__(self) -> str:
        return "**********"

    def __repr__(self) -> str:
        return "Secret('**********')"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


@dataclass(frozen=True)
class Settings:
    """Everything the bot reads from its environment, validated once at start-up."""

    token: Secret
    api_base_url: str = DEFAULT_API_BASE_URL
    api_base_file_url: str = "https://api.telegram.org/file/bot"
    knowledge_dir: str | None = None
    polling_timeout: int = 30
    inline_cache_seconds: int = 30
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    webhook_url: str | None = None
    webhook_path: str = ""
    webhook_secret_token: Secret | None = None
    log_level: str = "INFO"
    # --- broadcasts ---
    admin_user_ids: frozenset[int] = frozenset()
    # None: no persistent state, so no subscriptions or broadcasts (tests, benchmarks);
    # load_settings always sets it, to DATA_DIR or the per-user data directory.
    data_dir: Path | None = None
    broadcast_daily_at: time | None = None
    broadcast_timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("UTC"))
    # At most `messages` sends in any `seconds`-long window; 0 messages turns that limit off.
    rate_limit_overall_messages: int = OVERALL_MESSAGES
    rate_limit_overall_seconds: float = OVERALL_SECONDS
    rate_limit_group_messages: int = GROUP_MESSAGES
    rate_limit_group_seconds: float = GROUP_SECONDS
    rate_limit_chat_messages: int = CHAT_MESSAGES
    rate_limit_chat_seconds: float = CHAT_SECONDS
    rate_limit_max_retries: int = MAX_RETRIES
    rate_limit_max_wait: float = MAX_WAIT
    # --- abuse ---
    flood_questions: int = FLOOD_QUESTIONS
    flood_seconds: float = FLOOD_SECONDS
    # How often `run` looks for broadcasts left unfinished by a process that died.
    broadcast_resume_seconds: float = RESUME_SECONDS
    # Unanswered questions and votes are kept this many days (bot/infra/insights.py).
    insights_retention_days: int = 90

    def secrets(self) -> list[tuple[Secret, str]]:
        """Every secret held, with the placeholder that replaces it in logs."""
        found = [(self.token, "<token>")]
        if self.webhook_secret_token is not None:
            found.append((self.webhook_secret_token, "<webhook-secret>"))
        return found

    def check_webhook(self) -> None:
        """Raise SettingsError unless the webhook settings are complete."""
        if not self.webhook_url:
            raise SettingsError(
                "WEBHOOK_URL is not set: --webhook needs the public https URL Telegram will call"
            )
        if self.webhook_secret_token is None:
            raise SettingsError(
                "WEBHOOK_SECRET_TOKEN is not set: --webhook needs it to tell Telegram's calls "
                "from anyone else's"
            )


def load_settings(
    environ: Mapping[str, str] | None = None,
    env_file: Path | None = Path(".env"),
    knowledge_dir: str | None = None,
) -> Settings:
    """Read and validate the settings; `knowledge_dir` (from --knowledge) beats the variable."""
    env = read_environment(environ, env_file)

    def get(name: str) -> str | None:
        value = env.get(name, "").strip()
        return value or None

    raw_token = get("TELEGRAM_BOT_TOKEN")
    if raw_token is None:
        raise SettingsError(
            "TELEGRAM_BOT_TOKEN is not set: get a token from @BotFather and put it in the "
            "environment or in .env (see .env.example)"
        )
    if not TOKEN_PATTERN.fullmatch(raw_token):
        raise SettingsError(
            "TELEGRAM_BOT_TOKEN is malformed: expected the form 123456789:AAE... as given by "
            "@BotFather"
        )

    base_url = get("TELEGRAM_API_BASE_URL") or DEFAULT_API_BASE_URL
    _check_url("TELEGRAM_API_BASE_URL", base_url)
    base_file_url = get("TELEGRAM_API_BASE_FILE_URL") or file_url_for(base_url)
    _check_url("TELEGRAM_API_BASE_FILE_URL", base_file_url)

    webhook_url = get("WEBHOOK_URL")
    if webhook_url is not None:
        _check_url("WEBHOOK_URL", webhook_url)
    webhook_path = get("WEBHOOK_PATH")
    if webhook_path is None:
        webhook_path = urlsplit(webhook_url).path if webhook_url else ""
    secret = get("WEBHOOK_SECRET_TOKEN")
    if secret is not None and not SECRET_TOKEN_PATTERN.fullmatch(secret):
        raise SettingsError(
            "WEBHOOK_SECRET_TOKEN is malformed: use 1-256 characters A-Z, a-z, 0-9, _ and -"
        )

    log_level = (get("LOG_LEVEL") or "INFO").upper()
    if log_level not in LOG_LEVELS:
        raise SettingsError(f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}")

    zone_name = get("BROADCAST_TIMEZONE") or "UTC"
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise SettingsError(
            "BROADCAST_TIMEZONE must be an IANA time-zone name such as UTC or Europe/Istanbul"
        ) from None
    data_dir = get("DATA_DIR")

    return Settings(
        token=Secret(raw_token),
        api_base_url=base_url,
        api_base_file_url=base_file_url,
        knowledge_dir=knowledge_dir or get("BRIEFING_KNOWLEDGE_DIR"),
        polling_timeout=_integer(get, "POLLING_TIMEOUT", 30, 0, 50),
        inline_cache_seconds=_integer(get, "INLINE_CACHE_SECONDS", 30, 0, 86400),
        webhook_listen=get("WEBHOOK_LISTEN") or "127.0.0.1",
        webhook_port=_integer(get, "WEBHOOK_PORT", 8443, 1, 65535),
        webhook_url=webhook_url,
        webhook_path=webhook_path.strip("/"),
        webhook_secret_token=Secret(secret) if secret is not None else None,
        log_level=log_level,
        admin_user_ids=_user_ids(get("ADMIN_USER_IDS")),
        data_dir=Path(data_dir).expanduser() if data_dir else default_data_dir(env),
        broadcast_daily_at=_clock_time(get("BROADCAST_DAILY_AT")),
        broadcast_timezone=zone,
        rate_limit_overall_messages=_integer(
            get, "RATE_LIMIT_OVERALL_MESSAGES", OVERALL_MESSAGES, 0, 1000),
        rate_limit_overall_seconds=_seconds(get, "RATE_LIMIT_OVERALL_SECONDS", OVERALL_SECONDS),
        rate_limit_group_messages=_integer(
            get, "RATE_LIMIT_GROUP_MESSAGES", GROUP_MESSAGES, 0, 1000),
        rate_limit_group_seconds=_seconds(get, "RATE_LIMIT_GROUP_SECONDS", GROUP_SECONDS),
        rate_limit_chat_messages=_integer(
            get, "RATE_LIMIT_CHAT_MESSAGES", CHAT_MESSAGES, 0, 1000),
        rate_limit_chat_seconds=_seconds(get, "RATE_LIMIT_CHAT_SECONDS", CHAT_SECONDS),
        rate_limit_max_retries=_integer(get, "RATE_LIMIT_MAX_RETRIES", MAX_RETRIES, 0, 20),
        rate_limit_max_wait=_seconds(get, "RATE_LIMIT_MAX_WAIT", MAX_WAIT),
        flood_questions=_integer(get, "FLOOD_QUESTIONS", FLOOD_QUESTIONS, 0, 10000),
        flood_seconds=_seconds(get, "FLOOD_SECONDS", FLOOD_SECONDS),
        broadcast_resume_seconds=_seconds(get, "BROADCAST_RESUME_SECONDS", RESUME_SECONDS),
        insights_retention_days=_integer(get, "INSIGHTS_RETENTION_DAYS", 90, 1, 36500),
    )


def default_data_dir(env: Mapping[str, str]) -> Path:
    """Where state lives without DATA_DIR: $XDG_DATA_HOME/briefing-bot, else ~/.local/share."""
    base = env.get(XDG_DATA_HOME, "").strip()
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".local" / "share"
    return root / "briefing-bot"


def file_url_for(base_url: str) -> str:
    """The file-download base matching an API base: `.../bot` becomes `.../file/bot`."""
    stem = base_url.rstrip("/")
    if stem.endswith("/bot"):
        return stem[: -len("bot")] + "file/bot"
    return stem + "/file/bot"


def _check_url(name: str, value: str) -> None:
    try:
        parts = urlsplit(value)
        port = parts.port  # raises ValueError when out of range or not a number
    except ValueError as exc:
        raise SettingsError(f"{name} is not a valid URL ({exc})") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SettingsError(f"{name} must be an http(s) URL")
    if port == 0:
        raise SettingsError(f"{name} is not a valid URL (port 0)")


def _integer(
    get: Callable[[str], str | None], name: str, default: int, low: int, high: int
) -> int:
    raw = get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number") from None
    if not low <= value <= high:
        raise SettingsError(f"{name} must be between {low} and {high}")
    return value


def _user_ids(raw: str | None) -> frozenset[int]:
    if raw is None:
        return frozenset()
    ids = set()
    for part in raw.split(","):
        part = part.strip()
        if not part:
            continue
        if not re.fullmatch(r"[1-9]\d{0,19}", part):
            raise SettingsError(
                "ADMIN_USER_IDS must be Telegram user ids (whole numbers) separated by commas"
            )
        ids.add(int(part))
    return frozenset(ids)


def _clock_time(raw: str | None) -> time | None:
    if raw is None:
        return None
    found = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", raw)
    if found is None:
        raise SettingsError("BROADCAST_DAILY_AT must be a time of day as HH:MM, such as 09:00")
    return time(int(found.group(1)), int(found.group(2)))


def _seconds(get: Callable[[str], str | None], name: str, default: float) -> float:
    raw = get(name)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a number of seconds") from None
    if not 0.01 <= value <= 86400:
        raise SettingsError(f"{name} must be between 0.01 and 86400 seconds")
    return value


class SecretRedactingFormatter(logging.Formatter):
    """Wraps a formatter and masks every secret wherever it appears, tracebacks included.

    httpx and some exceptions put request URLs (which contain the token) into their text, and
    PTB logs setWebhook's parameters (the webhook secret among them) at DEBUG; this is the
    last line of defence behind setting those loggers to WARNING, at every log level.
    """

    def __init__(self, inner: logging.Formatter | None, *secrets: tuple[Secret, str]) -> None:
        super().__init__()
        self._inner = inner or logging.Formatter()
        # Longest first, so a secret that contains another is masked whole. A value is also
        # masked URL-encoded (the token's colon becomes %3A in a query string).
        found: dict[str, str] = {}
        for secret, label in secrets:
            value = secret.reveal()
            if value:
                found.setdefault(value, label)
                found.setdefault(quote(value, safe=""), label)
        self._masks = sorted(found.items(), key=lambda item: -len(item[0]))

    def format(self, record: logging.LogRecord) -> str:
        text = self._inner.format(record)
        for value, label in self._masks:
            text = text.replace(value, label)
        return text


class TokenRedactingFormatter(SecretRedactingFormatter):
    """The bot token only (kept for callers that have no Settings); see `redacting_formatter`."""

    def __init__(self, inner: logging.Formatter | None, secret: Secret) -> None:
        super().__init__(inner, (secret, "<token>"))


def redacting_formatter(inner: logging.Formatter | None,
                        settings: Settings) -> SecretRedactingFormatter:
    """A formatter masking every secret the settings hold: the token and the webhook secret."""
    return SecretRedactingFormatter(inner, *settings.secrets())
