#!/usr/bin/env python3
"""Score a question-answering command against a YAML file of questions.

The team's scorer, kept in the project so scoring needs nothing beside the clone (copied from
shared/eval/score.py; the rules are unchanged, only wrapped to the project's line length).

The command after `--` must read questions from standard input, one per line,
and write one JSON object per line to standard output, in the same order:

  {"question": "...",
   "answers": [{"id": "...", "expert": {"name": "...", "title": "..."} or null,
                "text": "...", "score": 0.0}, ...]}

An empty "answers" list means the command declined to answer.

Usage (from the repository root):
  python -m benchmarks.score --questions tests/data/dev.yaml [--show-failures] \
      [--min KEY=VALUE ...] -- briefing-bot ask --json

Prints one table of hit@1 / hit@3 per category, then a summary line. With
--min (e.g. --min hit1=0.9 --min oos=1.0) it exits 1 when a figure falls short.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import unicodedata

import yaml

ANSWERABLE = ("direct", "topic", "context", "typo", "paraphrase", "short")


def fold(text: str) -> str:
    text = text.replace("ı", "i").replace("İ", "I")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    for a, b in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-")):
        text = text.replace(a, b)
    return " ".join(text.lower().split())


def satisfies(answer: dict, case: dict) -> bool:
    expert = answer.get("expert") or {}
    name = fold(expert.get("name") or "")
    blob = fold(" ".join([answer.get("text") or "", expert.get("name") or "",
                          expert.get("title") or ""]))
    experts = case.get("experts") or []
    if experts and not any(e in name for e in experts):
        return False
    phrases = case.get("any") or []
    return not phrases or any(fold(p) in blob for p in phrases)


def run(cmd: list[str], questions: list[str]) -> tuple[list[dict], float]:
    started = time.perf_counter()
    proc = subprocess.run(cmd, input="\n".join(questions) + "\n", capture_output=True,
                          text=True, timeout=600)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"command failed with exit code {proc.returncode}:\n{proc.stderr[-2000:]}")
    rows = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    if len(rows) != len(questions):
        sys.exit(f"expected {len(questions)} JSON lines, got {len(rows)}")
    return rows, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", required=True)
    parser.add_argument("--show-failures", action="store_true")
    parser.add_argument("--min", action="append", default=[], metavar="KEY=VALUE",
                        help="fail when a summary figure (hit1, hit3, oos, near, tr, wrong1) "
                             "is below VALUE (wrong1: above VALUE)")
    parser.add_argument("cmd", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
    if not cmd:
        parser.error("give the command to score after --")

    with open(args.questions, encoding="utf-8") as file:
        cases = yaml.safe_load(file)
    rows, elapsed = run(cmd, [c["q"] for c in cases])

    per_cat: dict[str, list[tuple[bool, bool, bool]]] = {}
    failures = []
    for case, row in zip(cases, rows, strict=True):
        answers = row.get("answers") or []
        if case.get("decline"):
            ok = not answers
            result = (ok, ok, False)
        else:
            hits = [satisfies(a, case) for a in answers[:3]]
            hit1 = bool(hits[:1]) and hits[0]
            wrong1 = bool(answers) and not hit1
            result = (hit1, any(hits), wrong1)
        per_cat.setdefault(case["cat"], []).append(result)
        if not result[1] or (not case.get("decline") and not result[0]):
            top = answers[0] if answers else None
            got = "declined" if top is None else (
                f"{(top.get('expert') or {}).get('name')}: {top.get('text', '')[:90]}")
            failures.append(f"[{case['cat']}] {case['q']!r} -> {got}")

    def rate(cats, index):
        items = [r[index] for c in cats for r in per_cat.get(c, [])]
        return (sum(items) / len(items)) if items else float("nan"), len(items)

    print(f"{'category':<12}{'n':>4}{'hit@1':>8}{'hit@3':>8}")
    for cat in [*ANSWERABLE, "tr", "oos", "near"]:
        if cat in per_cat:
            h1, n = rate([cat], 0)
            h3, _ = rate([cat], 1)
            print(f"{cat:<12}{n:>4}{h1:>8.3f}{h3:>8.3f}")
    summary = {
        "hit1": rate(ANSWERABLE, 0)[0],
        "hit3": rate(ANSWERABLE, 1)[0],
        "wrong1": rate(ANSWERABLE, 2)[0],
        "oos": rate(["oos"], 0)[0],
        "near": rate(["near"], 0)[0],
        "tr": rate(["tr"], 1)[0],
    }
    if args.show_failures and failures:
        print("\nfailures:")
        print("\n".join(failures))
    print(f"\nquestions: {len(cases)} in {elapsed:.2f}s ({1000 * elapsed / len(cases):.1f} ms "
          "each, process start included)")
    shortfalls = []
    for spec in args.min:
        key, _, value = spec.partition("=")
        figure = summary[key]
        if (figure > float(value)) if key == "wrong1" else (figure < float(value)):
            shortfalls.append(f"{key}={figure:.3f} (bar {value})")
    line = " ".join(f"{k}={v:.3f}" for k, v in summary.items())
    print(("SHORT " + "; ".join(shortfalls) + " | " if shortfalls else "") + line)
    sys.exit(1 if shortfalls else 0)


if __name__ == "__main__":
    main()
