"""briefing-bot's wiring: settings, `build_application` and the command table, the runner and
the CLI; beside them `bot.present` (shared presentation) and `bot.infra` (shared
infrastructure). The features themselves are in the top-level `handlers` package.
"""

import os

# python-telegram-bot 22.2+ gives time periods (RetryAfter.retry_after, ...) as timedelta when
# PTB_TIMEDELTA is set, as its next major version will always do, and otherwise warns each time
# one is read as seconds. The bot reads either (bot.infra.ratelimit.retry_after_seconds) and opts
# in, unless the environment says otherwise.
os.environ.setdefault("PTB_TIMEDELTA", "1")

__version__ = "0.1.0"
