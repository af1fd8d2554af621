"""Exit codes and the one-line error of the command line, shared by `cli` and `runner`.

Both raise `CliError`; `bot.cli.main` prints it and exits with its code. Living here, it lets
`runner` report start-up problems without importing `cli`, which imports `runner` to run.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_USAGE = 2


class CliError(Exception):
    """A problem to report as one line on stderr, with an exit code."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code
