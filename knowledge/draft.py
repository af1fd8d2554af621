"""Draft a knowledge file from a briefing's plain text: a start for a curator, not a finished FAQ.

`briefing-bot draft SOURCE.txt` reads the text the way ANKASAM-style briefings are laid out:

- an expert's section starts with a header line, "Name (Title)" or "Name, Title";
- what the expert said is in quotation marks in the paragraphs that follow, up to the next
  header; text outside quotation marks (the editors' framing) and paragraphs with no quotation
  (a compiler's biography, say) give no entries.

Each quotation is split into focused quotes of one to three sentences, copied verbatim (the
translator's note "Bu cümleyi çeviremedim." is never part of one). Every quote gets topics from
its salient words (proper names and phrases first, then the words it uses most that the other
quotes do not) and alternate questions in the form readers use: "What did Arat say about the
Northern Sea Route?". The file passes `briefing-bot check` as written, so the bot answers from it
at once; its header and summary mark it as a draft to refine.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from knowledge.loader import FORBIDDEN_IN_QUOTES
from knowledge.normalize import STOP_WORDS, fold, tokens

HONORIFICS = ("Prof. Dr.", "Assoc. Prof.", "Asst. Prof.", "Prof.", "Dr.", "Mr.", "Mrs.", "Ms.")
_WORD = r"[A-ZÇĞİÖŞÜ][\w’'.-]*"
_NAME = rf"(?:(?:{'|'.join(re.escape(h) for h in HONORIFICS)})\s+)?{_WORD}(?:\s+{_WORD}){{1,3}}"
_PAREN_HEADER = re.compile(rf"^(?P<name>{_NAME})\s*\((?P<title>[^()]{{3,120}})\)\s*$")
_COMMA_HEADER = re.compile(rf"^(?P<name>{_NAME})\s*,\s*(?P<title>[^,.;:!?“”\"]{{3,100}})$")
_QUOTED = re.compile(r"“([^”]+)”|\"([^\"]+)\"")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÇĞİÖŞÜ“\"0-9])")
_PROPER = re.compile(r"\b(?:[A-Z][\w-]*|[A-Z]{2,})(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\w-]*){0,3}")
# Capitalised words that open sentences or frame speech, not subjects.
_NOT_NAMES = frozenset(
    "the this that these those it its in on at as for from with and but or if when while "
    "although because however therefore thus also both each every some many most such so "
    "there here we our they their he his she her you your i my one two".split()
)
# Common words that say little about a subject, beyond the matcher's own stop words.
_PLAIN = frozenset(
    "although however therefore immediately actually because already another around become "
    "becomes being between could during either enough every first great important last less "
    "little long many might more most much must never often other others over part place "
    "possible really same second several should since still such than that their them then "
    "there these they thing things this those though through together under very well were "
    "what where which while whole will within without would years year time times issue issues "
    "made make makes making said says stated expressed emphasized added also area areas".split()
)
# Last words of names that read with "the": the Arctic Council, the Northern Sea Route.
_THE = frozenset(
    "council route sea ocean union organization declaration region project administration "
    "ministry strait straits gulf bay assembly committee treaty agreement alliance summit "
    "government parliament congress senate".split()
)
MAX_SENTENCES = 3
MIN_WORDS = 18
TOPICS_PER_QUOTE = 2


@dataclass
class _Expert:
    id: str
    name: str
    title: str
    surname: str
    quotes: list[str] = field(default_factory=list)


def _slug(text: str) -> str:
    words = tokens(text)
    return "-".join(words)[:48].strip("-") or "x"


def _display(word: str) -> str:
    """An all-capitals surname as a name ("OZAN" -> "Ozan", "DİLEK" -> "Dilek")."""
    if len(word) < 2 or not word.isupper():
        return word
    turkish = any(c in "ÇĞİÖŞÜ" for c in word)
    rest = word[1:]
    if turkish:
        rest = rest.replace("İ", "i").replace("I", "ı")
    return word[0] + rest.lower()


def _header(line: str) -> tuple[str, str] | None:
    """(name, title) when the line opens an expert's section."""
    text = " ".join(line.split())
    if not text or len(text) > 160 or text.endswith((".", ":", "?", "!")):
        return None
    for pattern in (_PAREN_HEADER, _COMMA_HEADER):
        found = pattern.match(text)
        if found:
            name = " ".join(_display(w) for w in found.group("name").split())
            return name, " ".join(found.group("title").split())
    return None


def _surname(name: str) -> str:
    bare = name
    for honorific in HONORIFICS:
        if bare.startswith(honorific + " "):
            bare = bare[len(honorific) + 1:]
            break
    return bare.split()[-1]


def _runs(quotation: str) -> list[list[str]]:
    """The quotation's sentences, in runs cut where a translator's note stands between them
    (a quote never spans the note, or it would not be verbatim)."""
    runs: list[list[str]] = [[]]
    for sentence in _SENTENCE_END.split(" ".join(quotation.split())):
        sentence = sentence.strip()
        if any(fold(note) in fold(sentence) for note in FORBIDDEN_IN_QUOTES):
            runs.append([])
        elif sentence:
            runs[-1].append(sentence)
    return [run for run in runs if run]


def _chunks(sentences: list[str]) -> list[str]:
    """Consecutive sentences grouped into quotes of one to three sentences."""
    chunks: list[str] = []
    current: list[str] = []
    for sentence in sentences:
        current.append(sentence)
        if len(current) >= MAX_SENTENCES or sum(len(s.split()) for s in current) >= MIN_WORDS:
            chunks.append(" ".join(current))
            current = []
    if current:
        if chunks and len(" ".join(current).split()) < MIN_WORDS // 2:
            chunks[-1] = f"{chunks[-1]} {' '.join(current)}"
        else:
            chunks.append(" ".join(current))
    return chunks


def _experts(text: str) -> list[_Expert]:
    experts: list[_Expert] = []
    current: _Expert | None = None
    taken: set[str] = set()
    for paragraph in re.split(r"\n\s*\n|\n", text):
        header = _header(paragraph)
        if header is not None:
            name, title = header
            surname = _surname(name)
            ident = _slug(fold(surname)) or "expert"
            while ident in taken:
                ident += "-2"
            taken.add(ident)
            current = _Expert(ident, name, title, surname)
            experts.append(current)
            continue
        if current is None:
            continue
        for found in _QUOTED.finditer(paragraph):
            quotation = found.group(1) or found.group(2)
            for run in _runs(quotation):
                current.quotes.extend(_chunks(run))
    return [e for e in experts if e.quotes]


def _names_in(text: str) -> set[str]:
    """Words written with a capital inside a sentence somewhere: names, not sentence openers."""
    found = set()
    for sentence in _SENTENCE_END.split(" ".join(text.split())):
        for word in re.findall(r"(?<=[\w,;:’'\-] )[A-ZÇĞİÖŞÜ][\w-]*", sentence):
            found.add(word)
    return found


def _phrases(quote: str, surnames: set[str], names: set[str]) -> list[str]:
    """Proper names and phrases in a quote, as written ("Northern Sea Route", "Nord Stream-2")."""
    found = []
    for match in _PROPER.finditer(quote):
        words = match.group(0).strip(" -").split()
        while words and (fold(words[0]) in _NOT_NAMES or words[0] not in names):
            words = words[1:]
        phrase = " ".join(words)
        if len(phrase) < 3 or fold(phrase) in surnames or fold(phrase) in STOP_WORDS:
            continue
        found.append(phrase)
    return found


def _topics_for(quotes: list[str], surnames: set[str], names: set[str]) -> list[list[str]]:
    """Up to TOPICS_PER_QUOTE salient phrases or words per quote."""
    documents = [{w for w in tokens(q) if w not in STOP_WORDS and w not in _PLAIN and len(w) > 3
                  and not w.isdigit()} for q in quotes]
    df = Counter(w for words in documents for w in words)
    n = len(quotes)
    folded = [fold(q) for q in quotes]
    chosen = []
    for quote, words in zip(quotes, documents, strict=True):
        picks: list[str] = []
        # Names the other quotes rarely use say most about this one ("Alaska" before "USA").
        phrases = dict.fromkeys(_phrases(quote, surnames, names))
        spread = {p: sum(fold(p) in f for f in folded) for p in phrases}
        for phrase in sorted(phrases, key=lambda p: spread[p]):
            if spread[phrase] > max(2, n // 3) and picks:
                continue
            if fold(phrase) not in (fold(p) for p in picks):
                picks.append(phrase)
        counts = Counter(w for w in tokens(quote) if w in words)
        ranked = sorted(words, key=lambda w: (-counts[w] * math.log((n + 1) / df[w]), w))
        for word in ranked:
            if len(picks) >= TOPICS_PER_QUOTE:
                break
            if not any(word in tokens(p) for p in picks):
                picks.append(word)
        chosen.append(picks[:TOPICS_PER_QUOTE])
    return chosen


def draft(source: Path, briefing_id: str | None = None) -> str:
    """The YAML text of a draft knowledge file for `source` (see the module docstring)."""
    text = source.read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title = lines[0] if lines else source.stem
    experts = _experts(text)
    if not experts:
        raise ValueError(f"{source}: no expert header found ('Name (Title)' or 'Name, Title' "
                         "on a line of its own, followed by paragraphs with quotations)")
    surnames = {fold(e.surname) for e in experts}
    names = _names_in(text)
    topics: dict[str, dict[str, Any]] = {}
    entries: list[dict[str, Any]] = []
    asked: set[str] = set()
    for expert in experts:
        for number, (quote, picks) in enumerate(
                zip(expert.quotes, _topics_for(expert.quotes, surnames, names), strict=True),
                start=1):
            topic_ids = []
            for pick in picks or ["briefing"]:
                ident = _slug(pick)
                topic = topics.setdefault(ident, {"id": ident, "name": pick[:1].upper() + pick[1:],
                                                  "aliases": []})
                alias = " ".join(tokens(pick))
                if alias and alias not in topic["aliases"]:
                    topic["aliases"].append(alias)
                topic_ids.append(ident)
            questions = []
            for pick in picks:
                for form in (f"What did {expert.surname} say about {_about(pick)}?",
                             f"{expert.surname} on {pick}"):
                    key = fold(form).strip(" ?")
                    if key not in asked:
                        asked.add(key)
                        questions.append(form)
            fallback = f"What did {expert.surname} say? ({number})"
            if not questions:
                asked.add(fold(fallback).strip(" ?"))
                questions.append(fallback)
            entries.append({
                "id": f"{expert.id}-{number}",
                "expert": expert.id,
                "topics": topic_ids,
                "questions": questions,
                "quote": quote,
                **({"key": True} if number == 1 else {}),
            })
    data = {
        "briefing": {
            "id": briefing_id or _slug(source.stem),
            "title": title,
            "publisher": "(publisher: to fill in)",
            "compiler": "(compiler: to fill in)",
            "date": _date(text),
            "source": f"sources/{source.name}",
            "summary": f"DRAFT made by briefing-bot draft from {source.name}: review every "
                       "entry, topic and question before publishing.",
        },
        "experts": [{"id": e.id, "name": e.name, "title": e.title,
                     "aliases": _aliases(e)} for e in experts],
        "topics": list(topics.values()),
        "entries": entries,
    }
    head = (f"# DRAFT written by `briefing-bot draft` from {source.name}.\n"
            "# Put the source text in sources/ beside this file, run `briefing-bot check`,\n"
            "# then refine: merge topics, add the words readers use, write better questions.\n")
    return head + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def _about(pick: str) -> str:
    """'the Arctic Council' for an institution or a route, 'Iran' or 'sanctions' as they are."""
    return f"the {pick}" if fold(pick.split()[-1]) in _THE else pick


def _aliases(expert: _Expert) -> list[str]:
    bare = expert.name
    for honorific in HONORIFICS:
        bare = bare.replace(honorific + " ", "")
    found = [expert.surname.lower(), bare.lower(), fold(expert.surname), fold(bare)]
    return list(dict.fromkeys(a for a in found if a))


def _date(text: str) -> str:
    months = ("January February March April May June July August September October November "
              "December").split()
    found = re.search(rf"\b(?:{'|'.join(months)})\s+\d{{1,2}},\s+\d{{4}}\b", text)
    if found:
        return found.group(0)
    year = re.search(r"\b(19|20)\d{2}\b", text)
    return year.group(0) if year else "(date: to fill in)"

