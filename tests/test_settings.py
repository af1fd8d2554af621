"""Settings: environment over .env, a token that never prints, one-line errors."""

from __future__ import annotations

import logging
from datetime import time
from pathlib import Path

import pytest

from bot.settings import (
    Secret,
    SettingsError,
    TokenRedactingFormatter,
    file_url_for,
    load_settings,
    read_dotenv,
)

TOKEN = "7000000001:AAFakeTokenForTests_0123456789abcdefXYZ"

OTHER_TOKEN = "123456789:BBBotherTokenFromTheEnvironment_-0123456"


def test_token_comes_from_dotenv_and_the_environment_wins(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text(
        "# a comment\n\n"
        f"export TELEGRAM_BOT_TOKEN='{TOKEN}'\n"
        'WEBHOOK_URL="https://bot.example.org/hook/"\n'
        "LOG_LEVEL=debug\n",
        encoding="utf-8",
    )
    settings = load_settings({}, env_file)
    assert settings.token.reveal() == TOKEN
    assert settings.webhook_url == "https://bot.example.org/hook/"
    assert settings.webhook_path == "hook"
    assert settings.log_level == "DEBUG"
    overridden = load_settings({"TELEGRAM_BOT_TOKEN": OTHER_TOKEN}, env_file)
    assert overridden.token.reveal() == OTHER_TOKEN


def test_defaults(tmp_path: Path) -> None:
    settings = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN}, tmp_path / "missing.env")
    assert settings.api_base_url == "https://api.telegram.org/bot"
    assert settings.api_base_file_url == "https://api.telegram.org/file/bot"
    assert (settings.webhook_listen, settings.webhook_port) == ("127.0.0.1", 8443)
    assert settings.webhook_secret_token is None and settings.knowledge_dir is None


def test_a_self_hosted_api_gets_a_matching_file_url() -> None:
    assert file_url_for("http://127.0.0.1:8081/bot") == "http://127.0.0.1:8081/file/bot"
    assert file_url_for("https://tg.example.org/api/") == "https://tg.example.org/api/file/bot"


def test_knowledge_dir_option_beats_the_variable() -> None:
    env = {"TELEGRAM_BOT_TOKEN": TOKEN, "BRIEFING_KNOWLEDGE_DIR": "/from/env"}
    assert load_settings(env, None).knowledge_dir == "/from/env"
    assert load_settings(env, None, knowledge_dir="/from/option").knowledge_dir == "/from/option"


def test_the_token_never_prints() -> None:
    settings = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN}, None)
    secret = TOKEN.split(":")[1]
    for shown in (str(settings), repr(settings), str(settings.token), f"{settings.token}"):
        assert secret not in shown
    assert Secret("a") == Secret("a") and Secret("a") != Secret("b")


@pytest.mark.parametrize(("env", "expected"), [
    ({}, "TELEGRAM_BOT_TOKEN is not set"),
    ({"TELEGRAM_BOT_TOKEN": "  "}, "TELEGRAM_BOT_TOKEN is not set"),
    ({"TELEGRAM_BOT_TOKEN": "12345:tooShortSecretValue"}, "TELEGRAM_BOT_TOKEN is malformed"),
    ({"TELEGRAM_BOT_TOKEN": "notanumber:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}, "malformed"),
    ({"TELEGRAM_BOT_TOKEN": TOKEN + " trailing words"}, "malformed"),
    ({"TELEGRAM_BOT_TOKEN": TOKEN, "WEBHOOK_PORT": "http"}, "WEBHOOK_PORT must be a whole"),
    ({"TELEGRAM_BOT_TOKEN": TOKEN, "WEBHOOK_PORT": "70000"}, "WEBHOOK_PORT must be between"),
    ({"TELEGRAM_BOT_TOKEN": TOKEN, "LOG_LEVEL": "LOUD"}, "LOG_LEVEL must be one of"),
    ({"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": "ftp://x"}, "must be an http(s)"),
    ({"TELEGRAM_BOT_TOKEN": TOKEN, "WEBHOOK_SECRET_TOKEN": "has space"}, "SECRET_TOKEN is mal"),
])
def test_bad_settings_are_one_line_without_the_token(env: dict[str, str], expected: str) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(env, None)
    message = str(caught.value)
    assert expected in message
    assert "\n" not in message
    if env.get("TELEGRAM_BOT_TOKEN", "").strip():
        assert env["TELEGRAM_BOT_TOKEN"].split(":")[-1].split()[0] not in message


def test_webhook_needs_url_and_secret() -> None:
    settings = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN}, None)
    with pytest.raises(SettingsError, match="WEBHOOK_URL is not set"):
        settings.check_webhook()
    settings = load_settings(
        {"TELEGRAM_BOT_TOKEN": TOKEN, "WEBHOOK_URL": "https://bot.example.org/tg"}, None
    )
    with pytest.raises(SettingsError, match="WEBHOOK_SECRET_TOKEN is not set"):
        settings.check_webhook()


def test_dotenv_line_errors_name_the_line_not_the_content(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text(f"TELEGRAM_BOT_TOKEN={TOKEN}\n{TOKEN}\n", encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        read_dotenv(env_file)
    assert "line 2" in str(caught.value) and TOKEN not in str(caught.value)


def test_log_formatter_masks_the_token_in_messages_and_tracebacks() -> None:
    formatter = TokenRedactingFormatter(logging.Formatter("%(message)s"), Secret(TOKEN))
    try:
        raise RuntimeError(f"POST https://api.telegram.org/bot{TOKEN}/getMe failed")
    except RuntimeError:
        import sys

        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "url %s", (TOKEN,),
                                   sys.exc_info())
    text = formatter.format(record)
    assert TOKEN not in text and "<token>" in text and "getMe failed" in text


def test_configured_logging_masks_the_webhook_secret_at_every_level(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from bot.runner import configure_logging

    secret = "hook-Secret_value-42"
    settings = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, "WEBHOOK_SECRET_TOKEN": secret,
                              "LOG_LEVEL": "DEBUG"}, env_file=None)
    root = logging.getLogger()
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    saved = root.handlers[:], root.level
    root.handlers[:] = [handler]
    try:
        configure_logging(settings)
        for level in (logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR):
            # What PTB logs at DEBUG when it calls setWebhook.
            logging.getLogger("telegram.ext.ExtBot").log(
                level, "Calling Bot API endpoint `setWebhook` with parameters `%s`",
                {"url": "https://x.org/hook", "secret_token": secret, "token": TOKEN})
    finally:
        root.handlers[:], _ = saved
        root.setLevel(saved[1])
    err = capsys.readouterr().err
    assert err.count("<webhook-secret>") == 4 and err.count("<token>") == 4
    assert secret not in err and TOKEN not in err


def test_env_example_documents_every_setting() -> None:
    import re

    import bot.settings

    source = Path(bot.settings.__file__).read_text(encoding="utf-8")
    names = set(re.findall(r'get\(\s*"([A-Z_]+)"', source))
    names |= set(re.findall(r'(?:_integer|_seconds)\(\s*get, "([A-Z_]+)"', source))
    assert {"TELEGRAM_BOT_TOKEN", "WEBHOOK_PORT", "LOG_LEVEL", "RATE_LIMIT_GROUP_SECONDS",
            "RATE_LIMIT_OVERALL_MESSAGES", "ADMIN_USER_IDS", "DATA_DIR"} <= names
    lines = (Path(__file__).parents[1] / ".env.example").read_text(encoding="utf-8").splitlines()
    for name in names:
        at = next(i for i, line in enumerate(lines) if re.match(rf"#? ?{name}=", line))
        assert lines[at - 1].startswith("#"), f"{name} has no comment above it"


# --------------------------------------------------------------------------- broadcasts


def test_broadcast_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    settings = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN}, None)
    assert settings.admin_user_ids == frozenset()
    assert settings.data_dir == tmp_path / "home" / ".local" / "share" / "briefing-bot"
    assert settings.broadcast_daily_at is None
    assert str(settings.broadcast_timezone) == "UTC"
    assert (settings.rate_limit_overall_messages, settings.rate_limit_overall_seconds) == (30, 1)
    assert (settings.rate_limit_group_messages, settings.rate_limit_group_seconds) == (20, 60)
    assert settings.rate_limit_max_retries == 3
    xdg = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, "XDG_DATA_HOME": str(tmp_path / "xdg")},
                        None)
    assert xdg.data_dir == tmp_path / "xdg" / "briefing-bot"
    relative = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, "XDG_DATA_HOME": "not/absolute"}, None)
    assert relative.data_dir == settings.data_dir  # the spec says to ignore a relative one


def test_broadcast_settings_are_read(tmp_path: Path) -> None:
    settings = load_settings({
        "TELEGRAM_BOT_TOKEN": TOKEN, "ADMIN_USER_IDS": " 12, 345,,6789 ",
        "DATA_DIR": str(tmp_path / "state"), "BROADCAST_DAILY_AT": "9:05",
        "BROADCAST_TIMEZONE": "Europe/Istanbul", "RATE_LIMIT_OVERALL_MESSAGES": "5",
        "RATE_LIMIT_OVERALL_SECONDS": "0.5", "RATE_LIMIT_GROUP_MESSAGES": "0",
        "RATE_LIMIT_GROUP_SECONDS": "2", "RATE_LIMIT_MAX_RETRIES": "0",
    }, None)
    assert settings.admin_user_ids == frozenset({12, 345, 6789})
    assert settings.data_dir == tmp_path / "state"
    assert settings.broadcast_daily_at == time(9, 5)
    assert str(settings.broadcast_timezone) == "Europe/Istanbul"
    assert (settings.rate_limit_overall_messages, settings.rate_limit_overall_seconds) == (5, 0.5)
    assert (settings.rate_limit_group_messages, settings.rate_limit_group_seconds) == (0, 2)
    assert settings.rate_limit_max_retries == 0


@pytest.mark.parametrize(("name", "value", "says"), [
    ("ADMIN_USER_IDS", "12,ada", "ADMIN_USER_IDS must be Telegram user ids"),
    ("ADMIN_USER_IDS", "-5", "ADMIN_USER_IDS must be Telegram user ids"),
    ("BROADCAST_DAILY_AT", "25:00", "BROADCAST_DAILY_AT must be a time of day as HH:MM"),
    ("BROADCAST_DAILY_AT", "9am", "BROADCAST_DAILY_AT must be a time of day as HH:MM"),
    ("BROADCAST_TIMEZONE", "Mars/Olympus_Mons", "BROADCAST_TIMEZONE must be an IANA"),
    ("BROADCAST_TIMEZONE", "../../etc/passwd", "BROADCAST_TIMEZONE must be an IANA"),
    ("RATE_LIMIT_OVERALL_MESSAGES", "-1", "RATE_LIMIT_OVERALL_MESSAGES must be between"),
    ("RATE_LIMIT_GROUP_MESSAGES", "twenty", "RATE_LIMIT_GROUP_MESSAGES must be a whole number"),
    ("RATE_LIMIT_GROUP_SECONDS", "0", "RATE_LIMIT_GROUP_SECONDS must be between"),
    ("RATE_LIMIT_OVERALL_SECONDS", "nan", "RATE_LIMIT_OVERALL_SECONDS must be between"),
    ("RATE_LIMIT_OVERALL_SECONDS", "soon", "RATE_LIMIT_OVERALL_SECONDS must be a number"),
    ("RATE_LIMIT_MAX_RETRIES", "100", "RATE_LIMIT_MAX_RETRIES must be between"),
])
def test_malformed_broadcast_settings_are_one_line(name: str, value: str, says: str) -> None:
    with pytest.raises(SettingsError) as raised:
        load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, name: value}, None)
    message = str(raised.value)
    assert message.startswith(says) and "\n" not in message
