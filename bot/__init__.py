"""briefing-bot: settings, Telegram application wiring, rendering, storage and the CLI."""

__version__ = "0.1.0"
