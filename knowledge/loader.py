"""Load and validate a knowledge directory: one YAML file per briefing plus the texts it quotes.

Every problem a curator can make is reported as one line naming the file, the entry and the
field, and all problems are collected before failing, so one run of `briefing-bot check` lists
everything to fix.
"""

from __future__ import annotations

import functools
import logging
import os
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from knowledge.cache import knowledge_key, load_knowledge_base, store_knowledge_base
from knowledge.models import Briefing, Entry, Expert, KnowledgeBase, SourceText, Topic
from knowledge.normalize import _MARKS, fold, for_provenance, tokens

logger = logging.getLogger(__name__)

ENV_VAR = "BRIEFING_KNOWLEDGE_DIR"
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
OMISSION = re.compile(r"\s*(?:…|\.\.\.)\s*")
FORBIDDEN_IN_QUOTES = ("Bu cümleyi çeviremedim",)

BRIEFING_KEYS = {"id", "title", "publisher", "compiler", "date", "source", "summary", "place"}
OPTIONAL_BRIEFING_KEYS = {"place"}
EXPERT_KEYS = {"id", "name", "title", "aliases"}
TOPIC_KEYS = {"id", "name", "aliases", "names"}
ENTRY_KEYS = {"id", "expert", "topics", "questions", "quote", "note", "original", "key", "profile",
              "lead"}
TOP_KEYS = {"briefing", "experts", "topics", "entries"}


# The C implementation of the safe loader when libyaml is there; both refuse Python tags.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class KnowledgeError(Exception):
    """The knowledge directory cannot be used; `problems` holds one line per mistake."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def default_directory() -> Path:
    """The knowledge directory: $BRIEFING_KNOWLEDGE_DIR, else the one shipped in the package."""
    configured = os.environ.get(ENV_VAR, "").strip()
    if configured:
        return Path(configured).expanduser()
    return Path(str(resources.files("knowledge") / "data"))


_NOT_SPACE = re.compile(r"\S+")
_MARKS_ONLY = str.maketrans({k: v for k, v in _MARKS.items() if not v.isspace()})


@functools.lru_cache(maxsize=8)
def _normalised_with_map(text: str) -> tuple[str, list[int]]:
    """for_provenance(text), and for each of its characters the index it came from.

    Runs of white space become one space (mapped to the run's last character); every other
    character is mapped by for_provenance's table, one character for one. Done a word at a
    time: a source text is tens of thousands of characters.
    """
    out: list[str] = []
    where: list[int] = []
    for match in _NOT_SPACE.finditer(text):
        start, end = match.span()
        if out:
            out.append(" ")
            where.append(start - 1)
        out.append(match.group().translate(_MARKS_ONLY))
        where.extend(range(start, end))
    return "".join(out), where


def source_span(quote: str, source: str) -> str | None:
    """The quote as printed in the source (its own quote marks and dashes), or None if absent.

    Each piece between omissions must occur in the source, in order; the pieces are joined
    with " … ".
    """
    haystack, where = _normalised_with_map(source)
    pieces = [p.strip() for p in OMISSION.split(for_provenance(quote)) if p.strip()]
    if not pieces:
        return None
    start = 0
    printed = []
    for piece in pieces:
        at = haystack.find(piece, start)
        if at < 0:
            return None
        end = at + len(piece)
        printed.append(" ".join(source[where[at] : where[end - 1] + 1].split()))
        start = end
    return " … ".join(printed)


def found_in(quote: str, source: str) -> bool:
    """True when each piece of the quote (split at omissions) occurs in the source, in order."""
    return source_span(quote, source) is not None


class _FileChecker:
    """Validates one parsed briefing file, collecting problems instead of raising."""

    def __init__(self, path: Path, directory: Path) -> None:
        self.path = path
        self.directory = directory
        self.label = str(path)
        self.problems: list[str] = []

    def problem(self, where: str, message: str) -> None:
        self.problems.append(f"{self.label}: {where}: {message}")

    def text(self, mapping: dict[str, Any], key: str, where: str, required: bool = True) -> str:
        value = mapping.get(key)
        if value is None:
            if required:
                self.problem(where, f"field '{key}' is missing")
            return ""
        if not isinstance(value, str) or not value.strip():
            self.problem(where, f"field '{key}' must be a non-empty string")
            return ""
        return " ".join(value.split())

    def string_list(self, mapping: dict[str, Any], key: str, where: str) -> list[str]:
        value = mapping.get(key)
        if value is None:
            self.problem(where, f"field '{key}' is missing")
            return []
        if not isinstance(value, list) or not value:
            self.problem(where, f"field '{key}' must be a non-empty list")
            return []
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.problem(where, f"field '{key}[{i}]' must be a non-empty string")
            else:
                out.append(" ".join(item.split()))
        return out

    def ident(self, mapping: dict[str, Any], where: str) -> str:
        value = mapping.get("id")
        if value is None:
            self.problem(where, "field 'id' is missing")
            return ""
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            self.problem(where, f"field 'id': {value!r} must match [a-z0-9-]")
            return ""
        return value

    def unknown_keys(self, mapping: dict[str, Any], allowed: set[str], where: str) -> None:
        for key in sorted(set(mapping) - allowed, key=str):
            self.problem(where, f"unknown field '{key}' (allowed: {', '.join(sorted(allowed))})")

    def mappings(self, data: dict[str, Any], key: str) -> Iterator[tuple[int, dict[str, Any]]]:
        items = data.get(key)
        if not isinstance(items, list) or not items:
            self.problem(key, "must be a non-empty list")
            return
        for i, item in enumerate(items):
            if isinstance(item, dict):
                yield i, item
            else:
                self.problem(f"{key}[{i}]", "must be a mapping of fields")


def _where(section: str, index: int, ident: Any) -> str:
    if isinstance(ident, str):
        return f"{section}[{index}] (id {ident!r})"
    return f"{section}[{index}]"


def _load_file(path: Path, directory: Path) -> tuple[list[str], Any]:
    checker = _FileChecker(path, directory)
    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=_SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "YAML"
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return [f"{path}: {at}: not valid YAML: {reason}"], None
    except (OSError, UnicodeDecodeError) as exc:
        return [f"{path}: cannot read: {exc}"], None
    if not isinstance(data, dict):
        keys = ", ".join(sorted(TOP_KEYS))
        return [f"{path}: top level must be a mapping with keys {keys}"], None
    checker.unknown_keys(data, TOP_KEYS, "top level")

    raw_briefing = data.get("briefing")
    if not isinstance(raw_briefing, dict):
        checker.problem("briefing", "must be a mapping")
        return checker.problems, None
    checker.unknown_keys(raw_briefing, BRIEFING_KEYS, "briefing")
    briefing_id = checker.ident(raw_briefing, "briefing")
    fields = {k: checker.text(raw_briefing, k, "briefing", k not in OPTIONAL_BRIEFING_KEYS)
              for k in BRIEFING_KEYS - {"id"}}
    source_text = ""
    if fields["source"]:
        source_path = (directory / fields["source"]).resolve()
        try:
            source_text = source_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            checker.problem("briefing", f"field 'source': cannot read {fields['source']}: {exc}")
    briefing = Briefing(
        id=briefing_id,
        title=fields["title"],
        publisher=fields["publisher"],
        compiler=fields["compiler"],
        date=fields["date"],
        summary=fields["summary"],
        source_path=fields["source"],
        source=SourceText(source_text),
        place=fields["place"],
    )

    experts: dict[str, Expert] = {}
    for i, raw in checker.mappings(data, "experts"):
        where = _where("experts", i, raw.get("id"))
        checker.unknown_keys(raw, EXPERT_KEYS, where)
        ident = checker.ident(raw, where)
        person = Expert(
            id=ident,
            name=checker.text(raw, "name", where),
            title=checker.text(raw, "title", where),
            aliases=tuple(a.lower() for a in checker.string_list(raw, "aliases", where)),
            briefing_id=briefing_id,
        )
        if ident in experts:
            checker.problem(where, f"field 'id': duplicate expert id '{ident}'")
        elif ident:
            experts[ident] = person

    topics: dict[str, Topic] = {}
    for i, raw in checker.mappings(data, "topics"):
        where = _where("topics", i, raw.get("id"))
        checker.unknown_keys(raw, TOPIC_KEYS, where)
        ident = checker.ident(raw, where)
        topic = Topic(
            id=ident,
            name=checker.text(raw, "name", where),
            aliases=tuple(a.lower() for a in checker.string_list(raw, "aliases", where)),
            briefing_id=briefing_id,
            names=_names(checker, raw, where),
        )
        if ident in topics:
            checker.problem(where, f"field 'id': duplicate topic id '{ident}'")
        elif ident:
            topics[ident] = topic

    entries: list[Entry] = []
    for i, raw in checker.mappings(data, "entries"):
        where = _where("entries", i, raw.get("id"))
        checker.unknown_keys(raw, ENTRY_KEYS, where)
        ident = checker.ident(raw, where)
        expert: Expert | None = None
        if "expert" not in raw:
            checker.problem(where, "field 'expert' is missing (use null for a context entry)")
        elif raw["expert"] is not None:
            if not isinstance(raw["expert"], str) or raw["expert"] not in experts:
                checker.problem(where, f"field 'expert': unknown expert {raw['expert']!r}")
            else:
                expert = experts[raw["expert"]]
        entry_topics: list[Topic] = []
        for name in checker.string_list(raw, "topics", where):
            if name in topics:
                entry_topics.append(topics[name])
            else:
                checker.problem(where, f"field 'topics': unknown topic '{name}'")
        questions = checker.string_list(raw, "questions", where)
        for flag in ("key", "profile"):
            if flag in raw and not isinstance(raw[flag], bool):
                checker.problem(where, f"field '{flag}' must be true or false")
        profile = raw.get("profile") is True
        has_quote, has_note = "quote" in raw, "note" in raw
        if has_quote == has_note:
            checker.problem(where, "needs exactly one of the fields 'quote' and 'note'")
        text = ""
        if has_quote or has_note:
            text = checker.text(raw, "quote" if has_quote else "note", where)
        if profile and expert is None:
            checker.problem(where, "field 'profile': a profile entry needs an 'expert'")
        original = checker.text(raw, "original", where, required=False) or None
        if has_note and expert is not None and not profile and not _reports(original, expert):
            # What the briefing reports an expert said, outside quotation marks ("Reminding
            # the Arctic Council, which was established in 1996 …, Başbuğ also stated"), is
            # theirs too, with that passage, naming them, as its `original`.
            checker.problem(where, "field 'note': an expert entry must carry a 'quote' of "
                            "their words, or an 'original' passage of the source that reports "
                            "them (naming the expert)")
        for field_name, value in (("quote", text if has_quote else ""), ("original", original)):
            if not value or not source_text:
                continue
            for forbidden in FORBIDDEN_IN_QUOTES:
                if fold(forbidden) in fold(value):
                    checker.problem(where, f"field '{field_name}': contains the translator's note "
                                    f"'{forbidden}', which is not the expert's words")
            printed = source_span(value, source_text)
            if printed is None:
                checker.problem(where, f"field '{field_name}': not found in "
                                f"{briefing.source_path} (quotes must be verbatim): "
                                f"{value[:70]!r}")
            elif field_name == "quote":
                text = printed  # shown with the source's own quote marks
        lead = _lead(checker, raw, where, expert, text if has_quote else "", source_text,
                     briefing.source_path)
        entries.append(
            Entry(
                id=ident,
                briefing_id=briefing_id,
                expert=expert,
                topics=tuple(entry_topics),
                questions=tuple(questions),
                text=text,
                is_quote=has_quote,
                key=raw.get("key") is True,
                profile=profile,
                original=original,
                position=i,
                lead=lead,
            )
        )
    return checker.problems, (briefing, list(experts.values()), list(topics.values()), entries)


def _lead(checker: _FileChecker, raw: dict[str, Any], where: str, expert: Expert | None,
          quote: str, source_text: str, source_path: str) -> str | None:
    """An entry's `lead`, as the source prints it, or None (a problem is noted when it is bad).

    The lead is the compiler's words that introduce a quote and report the expert's point
    ("Emphasizing that the Arctic Region is an area where a conflict has been evolving for
    decades, Security and Terror Expert Coşkun Başbuğ stated that"): verbatim, naming the
    expert, and printed right before the quote's first words.
    """
    lead = checker.text(raw, "lead", where, required=False) or None
    if lead is None:
        return None
    if not quote or expert is None:
        checker.problem(where, "field 'lead': only an expert's 'quote' has a lead")
        return None
    if not _reports(lead, expert):
        checker.problem(where, f"field 'lead': does not name {expert.name}")
        return None
    printed = source_span(lead, source_text) if source_text else lead
    if printed is None:
        checker.problem(where, f"field 'lead': not found in {source_path} (it must be "
                        f"verbatim): {lead[:70]!r}")
        return None
    opening = " ".join(quote.split()[:8])
    if (source_text and source_span(opening, source_text) is not None  # else: the quote's
            and source_span(f"{lead} “{opening}", source_text) is None):  # own problem
        checker.problem(where, f"field 'lead': not printed right before the quote's first "
                        f"words in {source_path}")
        return None
    return printed


def _reports(original: str | None, expert: Expert) -> bool:
    """Does a source passage name `expert` (by surname), as one reporting their words does?"""
    surname = fold(expert.name.split()[-1])
    return original is not None and surname in tokens(original)


def load_knowledge(
    directory: str | os.PathLike[str] | None = None, *, cache: bool | str = True
) -> KnowledgeBase:
    """Load every briefing in the directory; raise KnowledgeError listing all problems.

    A knowledge base that loaded without problems is kept in the cache (knowledge/cache.py),
    keyed by the bytes of its files and the loader's code, and read from there next time:
    the same bytes and code would pass the same checks. `cache=False` loads and checks
    everything afresh (and leaves the cache alone); `cache="refresh"` checks everything afresh
    and then keeps the result (`briefing-bot check`: a full check that warms the next start).
    """
    root = Path(directory) if directory is not None else default_directory()
    if not root.is_dir():
        raise KnowledgeError([f"{root}: knowledge directory not found or not a directory"])
    files = sorted(root.glob("*.yaml")) + sorted(root.glob("*.yml"))
    if not files:
        raise KnowledgeError([f"{root}: no briefing files (*.yaml) in the knowledge directory"])
    key = ""
    if cache:
        try:
            key = knowledge_key(files)
        except OSError:
            key = ""  # unreadable: the full load below says which file and why
        cached = load_knowledge_base(root, key) if key and cache != "refresh" else None
        if cached is not None:
            return cached
    problems: list[str] = []
    briefings: list[Briefing] = []
    experts: dict[str, Expert] = {}
    declared_in: dict[str, str] = {}
    topics: list[Topic] = []
    entries: list[Entry] = []
    origin: dict[int, str] = {}
    for path in files:
        file_problems, loaded = _load_file(path, root)
        problems.extend(file_problems)
        if loaded is not None:
            briefing, file_experts, file_topics, file_entries = loaded
            briefings.append(briefing)
            for index, expert in enumerate(file_experts):
                first = experts.get(expert.id)
                if first is None:
                    experts[expert.id] = replace(expert, briefing_ids=(briefing.id,))
                    declared_in[expert.id] = str(path)
                elif not first.same_person(expert):
                    problems.append(
                        f"{path}: experts[{index}] (id {expert.id!r}): declared differently in "
                        f"{declared_in[expert.id]}; an expert quoted in several briefings must "
                        "be declared identically (name, title and aliases)")
                else:
                    experts[expert.id] = replace(
                        first, briefing_ids=(*first.briefing_ids, briefing.id))
            topics.extend(file_topics)
            for entry in file_entries:
                origin[len(entries)] = str(path)
                entries.append(entry)
    problems.extend(_cross_checks(briefings, list(experts.values()), entries, origin))
    if problems:
        raise KnowledgeError(problems)
    # One Expert object per person, and topics named across briefings (see Topic.ref).
    uses = Counter(t.id for t in topics)
    refs = {(t.briefing_id, t.id): replace(
        t, ref=t.id if uses[t.id] == 1 else f"{t.briefing_id}/{t.id}") for t in topics}
    entries = [replace(
        e,
        expert=experts[e.expert.id] if e.expert is not None else None,
        topics=tuple(refs[(t.briefing_id, t.id)] for t in e.topics),
    ) for e in entries]
    logger.debug("loaded %d entries from %d briefing(s) in %s", len(entries), len(briefings), root)
    knowledge = KnowledgeBase(
        directory=str(root),
        briefings=tuple(briefings),
        experts=tuple(experts.values()),
        topics=tuple(refs.values()),
        entries=tuple(entries),
        cache_key=key,
    )
    if key:
        store_knowledge_base(knowledge, key)
    return knowledge


def _cross_checks(
    briefings: list[Briefing],
    experts: list[Expert],
    entries: list[Entry],
    origin: dict[int, str],
) -> list[str]:
    """Uniqueness across files: briefing, expert and entry ids, and alternate questions."""
    problems: list[str] = []
    for label, ids in (
        ("briefing id", [b.id for b in briefings]),
    ):
        seen: set[str] = set()
        for ident in ids:
            if ident and ident in seen:
                problems.append(f"duplicate {label} '{ident}'")
            seen.add(ident)
    first_seen: dict[str, int] = {}
    owner: dict[str, int] = {}
    for i, entry in enumerate(entries):
        where = f"{origin[i]}: entries[{entry.position}] (id {entry.id!r})"
        if entry.id:
            j = first_seen.setdefault(entry.id, i)
            if j != i:
                problems.append(f"{where}: field 'id': duplicate entry id, first used in "
                                f"{origin[j]}")
        for question in entry.questions:
            key = " ".join(fold(question).strip(" ?!.").split())
            j = owner.setdefault(key, i)
            if j != i and entries[j].id != entry.id:
                problems.append(f"{where}: field 'questions': {question!r} is also a question "
                                f"of entry '{entries[j].id}'")
    return problems


def _names(checker: _FileChecker, raw: dict[str, Any], where: str) -> tuple[tuple[str, str], ...]:
    """A topic's `names`: {language code: name}, optional (the name in other languages)."""
    value = raw.get("names")
    if value is None:
        return ()
    if not isinstance(value, dict) or not value:
        checker.problem(where, "field 'names' must map language codes to names")
        return ()
    found = []
    for language, name in value.items():
        if not isinstance(language, str) or not re.fullmatch(r"[a-z]{2,3}", language):
            checker.problem(where, f"field 'names': {language!r} is not a language code")
        elif not isinstance(name, str) or not name.strip():
            checker.problem(where, f"field 'names.{language}' must be a non-empty string")
        else:
            found.append((language, " ".join(name.split())))
    return tuple(found)
