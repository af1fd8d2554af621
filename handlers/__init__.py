"""Telegram handlers, one module per feature; each handler parses, calls, renders and replies."""
