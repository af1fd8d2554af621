"""briefing-bot's wiring: settings, `build_application` and the command table, the runner and
the CLI; beside them `bot.present` (shared presentation) and `bot.infra` (shared
infrastructure). The features themselves are in the top-level `handlers` package.
"""

__version__ = "0.1.0"
