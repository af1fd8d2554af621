"""The `briefing-bot` command line.

The paths that only answer questions (ask, chat, check, experts, topics) never import
python-telegram-bot, so a one-off `briefing-bot ask` starts fast; `run` and `broadcast` import
the Telegram side when they are used.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from typing import NoReturn, TextIO

from knowledge import KnowledgeBase, KnowledgeError, Matcher, load_knowledge

logger = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_USAGE = 2


class CliError(Exception):
    """A problem to report as one line on stderr, with an exit code."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage mistake as one line instead of usage plus error."""

    def error(self, message: str) -> NoReturn:
        raise CliError(f"{self.prog}: {message} (see --help)")


def build_parser() -> argparse.ArgumentParser:
    """The command-line grammar, one sub-command per job."""
    parser = _Parser(
        prog="briefing-bot",
        description="Answer questions about a policy briefing with the experts' own words.",
    )
    parser.add_argument(
        "--knowledge",
        metavar="DIR",
        help="knowledge directory (default: $BRIEFING_KNOWLEDGE_DIR or the built-in one)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug details")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    ask = commands.add_parser("ask", help="answer a question (or one per line from stdin)")
    ask.add_argument("question", nargs="*", help="the question; omit to read stdin")
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    ask.add_argument("--top", type=_positive, default=3, metavar="N", help="answers (default 3)")
    ask.add_argument("--expert", metavar="NAME", help="only this expert's words")

    chat = commands.add_parser("chat", help="chat in the terminal, no Telegram needed")
    chat.add_argument("--top", type=_positive, default=3, metavar="N", help="answers (default 3)")

    commands.add_parser("check", help="validate the knowledge base (schema, references, quotes)")
    commands.add_parser("experts", help="list the experts")
    commands.add_parser("topics", help="list the topics")

    run = commands.add_parser("run", help="run the Telegram bot (long polling or webhook)")
    run.add_argument("--webhook", action="store_true", help="serve a webhook instead of polling")

    broadcast = commands.add_parser(
        "broadcast", help="send a broadcast to every subscriber",
        description="Finish any broadcast interrupted earlier, then send this one to every "
        "subscribed chat and print the report. Exit status 1 if a delivery failed.",
    )
    what = broadcast.add_mutually_exclusive_group()
    what.add_argument("kind", nargs="?", choices=["digest", "quote"], help="what to send")
    what.add_argument("--text", help="an announcement, as written")
    broadcast.add_argument("--resume-only", action="store_true",
                           help="only finish broadcasts interrupted earlier")
    return parser


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script and of `python -m bot`."""
    try:
        args = build_parser().parse_args(argv)
        logging.basicConfig(
            level=logging.DEBUG if args.verbose else logging.WARNING,
            format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        )
        return _dispatch(args)
    except CliError as exc:
        print(exc, file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "run":
        from bot.runner import run_bot

        return run_bot(args.knowledge, webhook=args.webhook)
    if args.command == "broadcast":
        from bot.runner import run_broadcast

        given = args.kind is not None or args.text is not None
        if args.resume_only == given:
            raise CliError("briefing-bot broadcast: give digest, quote or --text TEXT, or "
                           "--resume-only alone (see --help)")
        if args.text is not None and not args.text.strip():
            raise CliError("briefing-bot broadcast: --text is empty")

        return run_broadcast(args.knowledge, kind=args.kind, text=args.text,
                             resume_only=args.resume_only)
    if args.command == "check":
        return _check(args.knowledge)
    knowledge = _load(args.knowledge)
    if args.command == "experts":
        for expert in knowledge.experts:
            print(f"{expert.name} — {expert.title}  [{expert.id}]")
        return EXIT_OK
    if args.command == "topics":
        for topic in knowledge.topics:
            count = len(knowledge.entries_for_topic(topic.id))
            print(f"{topic.name}  [{topic.id}, {count} entries]")
        return EXIT_OK
    matcher = Matcher(knowledge)
    if args.command == "chat":
        return _chat(matcher, args.top, sys.stdin, sys.stdout)
    return _ask(matcher, args)


def _load(directory: str | None) -> KnowledgeBase:
    try:
        return load_knowledge(directory)
    except KnowledgeError as exc:
        first = exc.problems[0]
        more = f" (and {len(exc.problems) - 1} more; run 'briefing-bot check')" if len(
            exc.problems) > 1 else ""
        raise CliError(f"briefing-bot: knowledge base unusable: {first}{more}") from None


def _check(directory: str | None) -> int:
    try:
        knowledge = load_knowledge(directory)
    except KnowledgeError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"check failed: {len(exc.problems)} problem(s)", file=sys.stderr)
        return EXIT_PROBLEM
    quotes = sum(1 for e in knowledge.entries if e.is_quote)
    print(
        f"ok: {len(knowledge.briefings)} briefing(s), {len(knowledge.experts)} experts, "
        f"{len(knowledge.topics)} topics, {len(knowledge.entries)} entries "
        f"({quotes} quotes found verbatim in their sources)"
    )
    return EXIT_OK


def _ask(matcher: Matcher, args: argparse.Namespace) -> int:
    from bot.plain import result_as_json, result_as_text

    expert_id = None
    if args.expert:
        expert = matcher.find_expert(args.expert)
        if expert is None:
            names = ", ".join(e.name for e in matcher.experts)
            raise CliError(f"briefing-bot: no expert matches {args.expert!r} (experts: {names})")
        expert_id = expert.id

    def answer(question: str) -> str:
        result = matcher.match(question, top=args.top, expert_id=expert_id)
        if args.json:
            return json.dumps(result_as_json(result), ensure_ascii=False)
        return result_as_text(result, matcher.knowledge)

    if args.question:
        print(answer(" ".join(args.question)))
        return EXIT_OK
    separator = "\n" if args.json else "\n\n" + "-" * 40 + "\n\n"
    first = True
    for line in sys.stdin:
        if not first:
            sys.stdout.write(separator if not args.json else "")
        first = False
        question = line.rstrip("\n")
        sys.stdout.write(answer(question) + ("\n" if args.json else ""))
        sys.stdout.flush()
    if not args.json and not first:
        sys.stdout.write("\n")
    return EXIT_OK


def _chat(matcher: Matcher, top: int, stdin: TextIO, stdout: TextIO) -> int:
    from bot.plain import result_as_text

    knowledge = matcher.knowledge
    briefing = knowledge.briefings[0]
    interactive = stdin.isatty()
    stdout.write(
        f"briefing-bot — {briefing.title}\n"
        f"Ask about the experts' views ({', '.join(e.name for e in knowledge.experts)}).\n"
        "Commands: experts, topics, quit.\n"
    )
    while True:
        if interactive:
            stdout.write("\nyou> ")
            stdout.flush()
        line = stdin.readline()
        if not line:
            break
        question = line.strip()
        if not question:
            continue
        if question.lower() in ("quit", "exit", "/quit", "/exit"):
            break
        if question.lower() in ("experts", "/experts", "/expert"):
            reply = "\n".join(f"{e.name} — {e.title}" for e in knowledge.experts)
        elif question.lower() in ("topics", "/topics"):
            reply = "\n".join(t.name for t in knowledge.topics)
        else:
            reply = result_as_text(matcher.match(question, top=top), knowledge)
        stdout.write(("" if interactive else f"\nyou> {question}\n") + f"\n{reply}\n")
        stdout.flush()
    return EXIT_OK
