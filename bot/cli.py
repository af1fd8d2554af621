"""The `briefing-bot` command line.

The paths that only answer questions (ask, chat, check, experts, topics) never import
python-telegram-bot, so a one-off `briefing-bot ask` starts fast; `run` and `broadcast` import
the Telegram side when they are used.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from bot.exits import EXIT_OK, EXIT_PROBLEM, CliError
from bot.present import texts
from handlers.broadcasts.kinds import KINDS
from knowledge import KnowledgeBase, KnowledgeError, Matcher, load_knowledge
from knowledge.loader import ENV_VAR as KNOWLEDGE_ENV_VAR

logger = logging.getLogger(__name__)

class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage mistake as one line instead of usage plus error."""

    def error(self, message: str) -> NoReturn:
        raise CliError(f"{self.prog}: {message} (see --help)")


def _common_options(suppress: bool) -> _Parser:
    """--knowledge and -v, for the main parser and every sub-command.

    Sub-commands get them with a suppressed default, so `briefing-bot ask --knowledge DIR` and
    `briefing-bot --knowledge DIR ask` both work and an absent one never erases the other.
    """
    common = _Parser(add_help=False)
    common.add_argument(
        "--knowledge",
        metavar="DIR",
        default=argparse.SUPPRESS if suppress else None,
        help="knowledge directory (default: $BRIEFING_KNOWLEDGE_DIR, from the environment or "
        ".env, or the built-in one)",
    )
    common.add_argument("-v", "--verbose", action="store_true",
                        default=argparse.SUPPRESS if suppress else False,
                        help="log debug details")
    return common


def build_parser() -> argparse.ArgumentParser:
    """The command-line grammar, one sub-command per job."""
    parser = _Parser(
        prog="briefing-bot",
        description="Answer questions about a policy briefing with the experts' own words.",
        parents=[_common_options(suppress=False)],
    )
    common = _common_options(suppress=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    def add(name: str, help: str, **more: Any) -> _Parser:
        return commands.add_parser(name, help=help, parents=[common], **more)

    ask = add("ask", help="answer a question (or one per line from stdin)")
    ask.add_argument("question", nargs="*", help="the question; omit to read stdin")
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    ask.add_argument("--top", type=_positive, default=3, metavar="N", help="answers (default 3)")
    ask.add_argument("--expert", metavar="NAME", help="only this expert's words")
    ask.add_argument("--briefing", metavar="ID", help="only this briefing (see `experts`)")
    ask.add_argument("--lang", choices=texts.languages(), default=texts.DEFAULT_LANGUAGE,
                     help="the language of everything but the quotes (default en)")

    chat = add("chat", help="chat in the terminal, no Telegram needed")
    chat.add_argument("--top", type=_positive, default=3, metavar="N", help="answers (default 3)")
    chat.add_argument("--briefing", metavar="ID", help="only this briefing")
    chat.add_argument("--lang", choices=texts.languages(), default=texts.DEFAULT_LANGUAGE,
                      help="the language of everything but the quotes (default en)")

    check = add("check", help="validate the knowledge base (schema, references, quotes, "
                "shadowed entries)")
    check.add_argument("--questions", action="store_true",
                       help="also list the alternate questions that get another entry first "
                       "or are declined")
    add("experts", help="list the briefings and their experts")
    add("topics", help="list the topics")

    unanswered = add("unanswered", help="questions readers asked that the bot declined or "
                     "answered weakly, grouped (from DATA_DIR)")
    unanswered.add_argument("--since", type=_positive, metavar="DAYS",
                            help="only the last DAYS days")
    unanswered.add_argument("--json", action="store_true", help="print one JSON object")
    feedback = add("feedback", help="readers' votes on answers, most 👎 first (from DATA_DIR)")
    feedback.add_argument("--json", action="store_true", help="print one JSON object")
    draft = add("draft", help="draft a knowledge file from a briefing's plain text")
    draft.add_argument("source", metavar="SOURCE.txt", help="the briefing's text")
    draft.add_argument("--id", metavar="ID", help="the briefing's id (default: from the file "
                       "name)")

    run = add("run", help="run the Telegram bot (long polling or webhook)")
    run.add_argument("--webhook", action="store_true", help="serve a webhook instead of polling")

    broadcast = add(
        "broadcast", help="send a broadcast to every subscriber",
        description="Finish any broadcast interrupted earlier, then send this one to every "
        "subscribed chat and print the report. Exit status 1 if a delivery failed.",
    )
    what = broadcast.add_mutually_exclusive_group()
    what.add_argument("kind", nargs="?", choices=list(KINDS), help="what to send")
    what.add_argument("--text", help="an announcement, as written")
    broadcast.add_argument("--resume-only", action="store_true",
                           help="only finish broadcasts interrupted earlier")
    broadcast.add_argument("--lang", choices=texts.languages(), default=texts.DEFAULT_LANGUAGE,
                           help="the language of the progress and the report (default en; "
                           "each chat gets the broadcast in its own language)")
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
            raise CliError(f"briefing-bot broadcast: give {', '.join(KINDS)} or --text TEXT, "
                           "or --resume-only alone (see --help)")
        if args.text is not None and not args.text.strip():
            raise CliError("briefing-bot broadcast: --text is empty")

        return run_broadcast(args.knowledge, kind=args.kind, text=args.text,
                             resume_only=args.resume_only, language=args.lang)
    if args.command in ("unanswered", "feedback"):
        from bot.curators import feedback_report, unanswered_report

        if args.command == "unanswered":
            return unanswered_report(args.since, args.json)
        return feedback_report(args.json)
    if args.command == "draft":
        return _draft(args.source, args.id)
    directory = _knowledge_dir(args.knowledge)
    if args.command == "check":
        return _check(directory, args.questions)
    knowledge = _load(directory)
    if args.command == "experts":
        for briefing in knowledge.briefings:
            print(texts.text("console_briefing", title=briefing.title, id=briefing.id,
                             publisher=briefing.publisher))
            for expert in knowledge.experts_of(briefing.id):
                print(f"  {expert.name} — {expert.title}  [{expert.id}]")
        return EXIT_OK
    if args.command == "topics":
        for briefing in knowledge.briefings:
            if len(knowledge.briefings) > 1:
                print(texts.text("console_briefing", title=briefing.title, id=briefing.id,
                                 publisher=briefing.publisher))
            for topic in knowledge.topics_of(briefing.id):
                count = len(knowledge.entries_for_topic(topic.key))
                message = "console_topic_one" if count == 1 else "console_topic_many"
                print(texts.text(message, name=topic.name, id=topic.key, count=count))
        return EXIT_OK
    if getattr(args, "briefing", None):
        if args.briefing not in {b.id for b in knowledge.briefings}:
            known = ", ".join(b.id for b in knowledge.briefings)
            raise CliError(f"briefing-bot: no briefing {args.briefing!r} (briefings: {known})")
        knowledge = knowledge.only(args.briefing)
    matcher = Matcher(knowledge)
    if args.command == "chat":
        return _chat(matcher, args.top, sys.stdin, sys.stdout, args.lang)
    return _ask(matcher, args)


def _knowledge_dir(given: str | None) -> str | None:
    """--knowledge, else BRIEFING_KNOWLEDGE_DIR from the environment or `.env`, as `run` reads it.

    The same reading as the bot's settings (`bot.environment.read_environment`), so every command
    answers from, and `check` validates, the knowledge base the bot serves.
    """
    if given:
        return given
    from bot.environment import SettingsError, read_environment

    try:
        environment = read_environment()
    except SettingsError as exc:
        raise CliError(f"briefing-bot: {exc}") from None
    return environment.get(KNOWLEDGE_ENV_VAR, "").strip() or None


def _load(directory: str | None) -> KnowledgeBase:
    try:
        return load_knowledge(directory)
    except KnowledgeError as exc:
        first = exc.problems[0]
        more = f" (and {len(exc.problems) - 1} more; run 'briefing-bot check')" if len(
            exc.problems) > 1 else ""
        raise CliError(f"briefing-bot: knowledge base unusable: {first}{more}") from None


def _check(directory: str | None, questions: bool = False) -> int:
    try:
        # Always the full check, never the cache's word for it; the result warms the cache.
        knowledge = load_knowledge(directory, cache="refresh")
    except KnowledgeError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(texts.text("console_check_failed", count=len(exc.problems)), file=sys.stderr)
        return EXIT_PROBLEM
    quotes = sum(1 for e in knowledge.entries if e.is_quote)
    print(texts.text("console_check_ok", briefings=len(knowledge.briefings),
               experts=len(knowledge.experts), topics=len(knowledge.topics),
               entries=len(knowledge.entries), quotes=quotes))
    from knowledge.curation import astray_questions, shadowed_entries

    matcher = Matcher(knowledge)
    for found in shadowed_entries(matcher):
        print(texts.text("console_warning", message=found.describe()), file=sys.stderr)
    if questions:
        astray, count = astray_questions(matcher)
        for question in astray:
            print(texts.text("console_warning", message=question.describe()), file=sys.stderr)
        print(texts.text("console_check_questions", astray=len(astray), count=count,
                         declined=sum(1 for q in astray if q.first is None)))
    return EXIT_OK


def _draft(source: str, briefing_id: str | None) -> int:
    """`briefing-bot draft SOURCE.txt`: a knowledge file to refine, on stdout."""
    from knowledge.draft import draft

    try:
        sys.stdout.write(draft(Path(source), briefing_id))
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"briefing-bot: cannot read {source}: {exc}") from None
    except ValueError as exc:
        raise CliError(f"briefing-bot: {exc}") from None
    return EXIT_OK


def _ask(matcher: Matcher, args: argparse.Namespace) -> int:
    from bot.present.plain import (
        question_heading,
        reading_stdin,
        result_as_json,
        result_as_text,
    )

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
            return json.dumps(result_as_json(result, matcher.knowledge, args.lang),
                              ensure_ascii=False)
        return result_as_text(result, matcher.knowledge, args.lang)

    if args.question:
        print(answer(" ".join(args.question)))
        return EXIT_OK
    if sys.stdin.isatty():
        # Otherwise a terminal just waits, and the user cannot tell why.
        print(reading_stdin(args.lang), file=sys.stderr)
    separator = "\n" if args.json else "\n\n" + "-" * 40 + "\n\n"
    first = True
    for line in sys.stdin:
        if not first:
            sys.stdout.write(separator if not args.json else "")
        first = False
        question = line.rstrip("\n")
        if args.json:
            sys.stdout.write(answer(question) + "\n")
        else:
            # Many answers in a row: each under its question, or the reader loses track.
            sys.stdout.write(f"{question_heading(question, args.lang)}\n\n{answer(question)}")
        sys.stdout.flush()
    if not args.json and not first:
        sys.stdout.write("\n")
    return EXIT_OK


def _chat(matcher: Matcher, top: int, stdin: TextIO, stdout: TextIO,
          language: str = texts.DEFAULT_LANGUAGE) -> int:
    """The console chat; line editing and history (readline) when a person types at it."""
    from bot.present.plain import chat_banner, chat_help, result_as_text

    knowledge = matcher.knowledge
    interactive = stdin.isatty() and stdin is sys.stdin
    read = _terminal_reader(stdout) if interactive else _pipe_reader(stdin)
    stdout.write(chat_banner(knowledge, language) + "\n")
    while True:
        line = read()
        if line is None:
            if interactive:
                stdout.write("\n")  # Ctrl-D: leave the shell prompt on a line of its own
            break
        question = line.strip()
        if not question:
            continue
        command = question.lower().lstrip("/")
        if command in ("quit", "exit"):
            break
        if command in ("help", "?"):
            reply = chat_help(language)
        elif command in ("experts", "expert"):
            reply = "\n".join(f"{e.name} — {e.title}" for e in knowledge.experts)
        elif command == "topics":
            reply = "\n".join(t.name_in(language) for t in knowledge.topics)
        else:
            reply = result_as_text(matcher.match(question, top=top), knowledge, language)
        stdout.write(("" if interactive else f"\nyou> {question}\n") + f"\n{reply}\n")
        stdout.flush()
    return EXIT_OK


def _terminal_reader(stdout: TextIO) -> Callable[[], str | None]:
    """Lines typed at a terminal through input(), which readline gives editing and history.

    readline is imported only here: it is not needed (and may not exist) when stdin is a pipe.
    """
    # Windows, or a Python built without it: plain input() still works.
    with contextlib.suppress(ImportError):
        import readline  # noqa: F401  (imported for its effect on input())

    def read() -> str | None:
        stdout.flush()
        try:
            return input("\nyou> ")
        except EOFError:
            return None
        except KeyboardInterrupt:
            stdout.write("\n")  # Ctrl-C: the same courtesy as Ctrl-D, then exit code 130
            raise

    return read


def _pipe_reader(stdin: TextIO) -> Callable[[], str | None]:
    """Lines from a pipe or file, None at the end."""

    def read() -> str | None:
        line = stdin.readline()
        return line if line else None

    return read
