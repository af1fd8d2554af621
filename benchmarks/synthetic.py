"""Synthetic knowledge bases N times the size of a real one, for latency and scale tests.

The procedure is deterministic (one seeded `random.Random`) and documented in
docs/benchmarks.md:

* The real knowledge base is kept unchanged, first, with its own ids: entries at positions
  0..n-1 of the synthetic base are the originals.
* For each copy k = 1..N-1 a new briefing `<briefing>-x<k>` is made, with
  - one new expert per real expert: id `<expert>-x<k>`, an invented given name and surname
    (syllables drawn from the RNG; unique; never a word of the real knowledge base and never
    within rapidfuzz ratio 75 of one, so an invented name cannot read as a typo of a real word;
    never a real English or Turkish word, nor one with its last letter cut: "movi", "movie"),
    the real title, and aliases made from the invented name only (full name, surname) - role
    words such as "the colonel" stay with the real experts;
  - one new topic per real topic: id `<topic>-x<k>`, with the real topic's name and aliases
    (subjects recur across briefings, as they would in a library of briefings);
  - one new entry per real entry: id `<entry>-x<k>`, pointing at the copy's expert and topics,
    whose text and alternate questions are the real ones with the expert's name words
    replaced by the invented ones and then perturbed: clauses (split at ", " and "; ")
    shuffled with probability 0.5, each word swapped for a synonym from a fixed table with
    probability 0.3, dropped with probability 0.06, duplicated with probability 0.04; a text
    that comes out unchanged has one word dropped, so no copy is identical to its original.
"""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

from knowledge.lexicon import is_real_word
from knowledge.models import Briefing, Entry, Expert, KnowledgeBase, Topic
from knowledge.normalize import STOP_WORDS, fold, tokens

SEED = 20210520
NAME_DISTANCE = 75.0

P_SHUFFLE = 0.5
P_SYNONYM = 0.3
P_DROP = 0.06
P_DUPLICATE = 0.04

SYNONYMS: dict[str, tuple[str, ...]] = {
    "said": ("stated", "noted", "remarked"),
    "stated": ("said", "noted"),
    "says": ("states", "notes"),
    "important": ("significant", "crucial"),
    "significant": ("important", "notable"),
    "essential": ("vital", "necessary"),
    "vital": ("essential", "crucial"),
    "crucial": ("vital", "key"),
    "relations": ("ties", "relationship"),
    "relationship": ("relations", "ties"),
    "meeting": ("talks", "meeting"),
    "policy": ("approach", "line"),
    "country": ("state", "nation"),
    "countries": ("states", "nations"),
    "region": ("area", "zone"),
    "area": ("region", "zone"),
    "problem": ("issue", "difficulty"),
    "problems": ("issues", "difficulties"),
    "issue": ("matter", "question"),
    "issues": ("matters", "questions"),
    "cooperation": ("collaboration", "partnership"),
    "cooperate": ("collaborate", "work together"),
    "tension": ("friction", "strain"),
    "crisis": ("standoff", "emergency"),
    "strategy": ("plan", "approach"),
    "new": ("fresh", "novel"),
    "big": ("large", "major"),
    "bigger": ("larger", "greater"),
    "think": ("believe", "reckon"),
    "expect": ("anticipate", "foresee"),
    "expected": ("anticipated", "foreseen"),
    "harsh": ("tough", "severe"),
    "soft": ("mild", "gentle"),
    "serious": ("grave", "severe"),
    "however": ("yet", "still"),
    "therefore": ("hence", "so"),
    "because": ("since", "as"),
    "also": ("too", "as well"),
    "very": ("highly", "really"),
    "many": ("numerous", "several"),
    "interests": ("concerns", "stakes"),
    "position": ("standing", "place"),
    "world": ("globe", "world"),
    "period": ("time", "phase"),
    "future": ("years ahead", "future"),
    "started": ("began", "commenced"),
    "wants": ("seeks", "desires"),
    "want": ("seek", "desire"),
    "why": ("why", "for what reason"),
    "what": ("what", "which"),
    "how": ("how", "in what way"),
}

_CONSONANTS = "bcdfghklmnprstvyz"
_VOWELS = "aeiou"
_CLAUSE = re.compile(r"(?<=[,;]) ")
_WORD = re.compile(r"\S+")
_EDGE = re.compile(r"^(\W*)(.*?)(\W*)$", re.S)


class _Names:
    """Invented given names and surnames: unique, and unlike any word of the real base."""

    def __init__(self, rng: random.Random, reserved: Iterable[str]) -> None:
        self.rng = rng
        self.reserved = sorted({w for w in reserved if len(w) >= 3})
        self.taken: set[str] = set(self.reserved)

    def _candidate(self, syllables: int) -> str:
        parts = []
        for _ in range(syllables):
            parts.append(self.rng.choice(_CONSONANTS) + self.rng.choice(_VOWELS))
        if self.rng.random() < 0.5:
            parts.append(self.rng.choice("nrlksmz"))
        return "".join(parts)

    def new(self, syllables: int) -> str:
        while True:
            word = self._candidate(syllables)
            if word in self.taken or word in STOP_WORDS or _a_word_cut_short(word):
                continue
            near = process.extractOne(
                word, self.reserved, scorer=fuzz.ratio, score_cutoff=NAME_DISTANCE
            )
            if near is not None:
                continue
            self.taken.add(word)
            return word.capitalize()


def _a_word_cut_short(word: str) -> bool:
    """Whether an invented name is a real word, or one with its ending cut ("movi": movie),
    which the matcher relates to it: a question about movies must not find an invented man."""
    return is_real_word(word) or any(is_real_word(word + end) for end in ("e", "s", "y"))


def _name_words(name: str) -> list[str]:
    """The words of an expert's name that identify them (no 'Dr.', 'Prof.')."""
    words = [w.strip(",;") for w in name.split() if not w.endswith(".")]
    return [w for w in words if len(w) > 2]


def _rename(text: str, renames: list[tuple[re.Pattern[str], str]]) -> str:
    for pattern, new in renames:
        text = pattern.sub(new, text)
    return text


def _swap(word: str, rng: random.Random) -> str:
    parts = _EDGE.match(word)
    if parts is None:
        return word
    lead, core, trail = parts.groups()
    choices = SYNONYMS.get(core.lower())
    if not choices:
        return word
    new = rng.choice(choices)
    if core[:1].isupper():
        new = new[:1].upper() + new[1:]
    return f"{lead}{new}{trail}"


def perturb(text: str, rng: random.Random) -> str:
    """Clauses shuffled, synonyms swapped, words dropped or duplicated; never the same text."""
    clauses = _CLAUSE.split(text)
    if len(clauses) > 1 and rng.random() < P_SHUFFLE:
        rng.shuffle(clauses)
    words = _WORD.findall(" ".join(clauses))
    out: list[str] = []
    for word in words:
        roll = rng.random()
        if roll < P_SYNONYM:
            out.append(_swap(word, rng))
        elif roll < P_SYNONYM + P_DROP and len(words) > 4:
            continue
        elif roll < P_SYNONYM + P_DROP + P_DUPLICATE:
            out.extend((word, word))
        else:
            out.append(word)
    result = " ".join(out) if out else text
    if result == text:
        if len(words) > 1:
            drop = rng.randrange(len(words))
            result = " ".join(w for i, w in enumerate(words) if i != drop)
        else:
            result = f"{text} {text}"
    return result


def _vocabulary(knowledge: KnowledgeBase) -> set[str]:
    words: set[str] = set()
    for entry in knowledge.entries:
        for text in (entry.text, *entry.questions):
            words.update(tokens(text))
    for expert in knowledge.experts:
        for text in (expert.name, expert.title, *expert.aliases):
            words.update(tokens(text))
    for topic in knowledge.topics:
        for text in (topic.name, *topic.aliases):
            words.update(tokens(text))
    return words


def synthesize(knowledge: KnowledgeBase, scale: int, seed: int = SEED) -> KnowledgeBase:
    """A knowledge base `scale` times the size of `knowledge`, originals first and unchanged."""
    if scale < 1:
        raise ValueError("scale must be at least 1")
    if scale == 1:
        return knowledge
    rng = random.Random(seed)
    names = _Names(rng, _vocabulary(knowledge))
    briefings: list[Briefing] = list(knowledge.briefings)
    experts: list[Expert] = list(knowledge.experts)
    topics: list[Topic] = list(knowledge.topics)
    entries: list[Entry] = list(knowledge.entries)
    for k in range(1, scale):
        suffix = f"-x{k:04d}"
        briefing_ids = {b.id: b.id + suffix for b in knowledge.briefings}
        briefings.extend(replace(b, id=briefing_ids[b.id]) for b in knowledge.briefings)
        new_experts: dict[str, Expert] = {}
        renames: dict[str, list[tuple[re.Pattern[str], str]]] = {}
        for expert in knowledge.experts:
            words = _name_words(expert.name)
            replacements = [names.new(2) for _ in words[:-1]] + [names.new(3)]
            surname = replacements[-1]
            full = " ".join(replacements)
            new_experts[expert.id] = Expert(
                id=expert.id + suffix,
                name=full,
                title=expert.title,
                aliases=(full.lower(), surname.lower()),
                briefing_id=briefing_ids[expert.briefing_id],
            )
            renames[expert.id] = [
                (re.compile(rf"\b{re.escape(old)}\b", re.IGNORECASE), new)
                for old, new in zip(words, replacements, strict=True)
            ]
            # ASCII spellings used in questions ("basbug", "oymen").
            renames[expert.id] += [
                (re.compile(rf"\b{re.escape(fold(old))}\b", re.IGNORECASE), new)
                for old, new in zip(words, replacements, strict=True)
                if fold(old) != old.lower()
            ]
        experts.extend(new_experts.values())
        new_topics = {
            (t.briefing_id, t.id): replace(
                t, id=t.id + suffix, briefing_id=briefing_ids[t.briefing_id]
            )
            for t in knowledge.topics
        }
        topics.extend(new_topics.values())
        for entry in knowledge.entries:
            rename = renames[entry.expert.id] if entry.expert else []
            entries.append(
                replace(
                    entry,
                    id=entry.id + suffix,
                    briefing_id=briefing_ids[entry.briefing_id],
                    expert=new_experts[entry.expert.id] if entry.expert else None,
                    topics=tuple(new_topics[(t.briefing_id, t.id)] for t in entry.topics),
                    questions=tuple(perturb(_rename(q, rename), rng) for q in entry.questions),
                    text=perturb(_rename(entry.text, rename), rng),
                    # A reported note keeps the passage that reports the (renamed) expert.
                    original=(_rename(entry.original, rename)
                              if entry.original and entry.expert and not entry.is_quote
                              and not entry.profile else None),
                )
            )
    return KnowledgeBase(
        directory=f"{knowledge.directory}#synthetic-x{scale}",
        briefings=tuple(briefings),
        experts=tuple(experts),
        topics=tuple(topics),
        entries=tuple(entries),
    )


def is_original(entry_id: str, knowledge: KnowledgeBase) -> bool:
    """True for an entry of the real knowledge base (not a synthetic copy)."""
    return knowledge.entry(entry_id) is not None


def write_archive(directory: str | Path, copies: int, seed: int = SEED) -> Path:
    """Write an archive of `copies` briefings to `directory`: the shipped one and its copies.

    What a think tank's archive looks like on disk: one YAML file per briefing, each with its
    own source text and ids. The briefings are those of `synthesize` (the shipped briefing
    first, unchanged; then the copies with invented experts and perturbed wording); each
    copy's source text is its entries' texts, one paragraph each, so the loader's provenance
    check finds every quote. Loading the directory gives the entries of
    `synthesize(load_knowledge(), copies)`, except that an alternate question another entry
    already has (the loader refuses those; short perturbed questions collide) is left out, and
    an entry left with none keeps its first with the copy's number appended.
    """
    from knowledge.loader import default_directory, load_knowledge

    root = Path(directory)
    (root / "sources").mkdir(parents=True, exist_ok=True)
    shipped = default_directory()
    knowledge = load_knowledge(shipped)
    for path in sorted(shipped.glob("*.yaml")):
        shutil.copyfile(path, root / path.name)
    for briefing in knowledge.briefings:
        shutil.copyfile(shipped / briefing.source_path, root / briefing.source_path)
    big = synthesize(knowledge, copies, seed)
    n = len(knowledge.briefings)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    asked: set[str] = {_question_key(q) for e in knowledge.entries for q in e.questions}
    for briefing in big.briefings[n:]:
        experts = [e for e in big.experts if e.briefing_id == briefing.id]
        topics = [t for t in big.topics if t.briefing_id == briefing.id]
        entries = [e for e in big.entries if e.briefing_id == briefing.id]
        source = f"sources/{briefing.id}.txt"
        (root / source).write_text(
            briefing.title + "\n\n"
            + "\n\n".join(e.text + (f"\n\n{e.original}" if e.original else "") for e in entries)
            + "\n",
            encoding="utf-8",
        )
        data = {
            "briefing": {
                "id": briefing.id, "title": briefing.title, "publisher": briefing.publisher,
                "compiler": briefing.compiler, "date": briefing.date, "source": source,
                "summary": briefing.summary,
            },
            "experts": [{"id": e.id, "name": e.name, "title": e.title,
                         "aliases": list(e.aliases)} for e in experts],
            "topics": [{"id": t.id, "name": t.name, "aliases": list(t.aliases)}
                       for t in topics],
            "entries": [_entry_fields(e, asked) for e in entries],
        }
        with (root / f"{briefing.id}.yaml").open("w", encoding="utf-8") as handle:
            yaml.dump(data, handle, Dumper=dumper, allow_unicode=True, sort_keys=False,
                      width=1000)
    return root


def _question_key(question: str) -> str:
    """A question as the loader compares questions across entries."""
    return " ".join(fold(question).strip(" ?!.").split())


def _entry_fields(entry: Entry, asked: set[str]) -> dict[str, object]:
    questions = []
    for question in entry.questions:
        key = _question_key(question)
        if key not in asked:
            asked.add(key)
            questions.append(question)
    if not questions:
        questions = [f"{entry.questions[0]} ({entry.id.rsplit('-', 1)[-1]})"]
        asked.add(_question_key(questions[0]))
    fields: dict[str, object] = {
        "id": entry.id,
        "expert": entry.expert.id if entry.expert else None,
        "topics": [t.id for t in entry.topics],
        "questions": questions,
        "quote" if entry.is_quote else "note": entry.text,
    }
    if entry.original:
        fields["original"] = entry.original
    if entry.key:
        fields["key"] = True
    if entry.profile:
        fields["profile"] = True
    return fields


def main(argv: list[str] | None = None) -> int:
    """`python -m benchmarks.synthetic DIR COPIES`: write an archive of COPIES briefings."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m benchmarks.synthetic",
                                     description=write_archive.__doc__)
    parser.add_argument("directory")
    parser.add_argument("copies", type=int)
    args = parser.parse_args(argv)
    print(write_archive(args.directory, args.copies))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
