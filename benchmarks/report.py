"""The printed table and docs/benchmarks.md, from the results of one run."""

from __future__ import annotations

import math
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks import load, startup, synthetic, systems, throughput

FLOOR_MEDIAN_1X_MS = 1.0
FLOOR_P99_1000X_MS = 10.0
FLOOR_COLD_S = 1.0
# Archives (benchmarks/startup.py): the second start of `briefing-bot ask`.
FLOOR_START_100_RATIO = 3.0
FLOOR_START_100_EXTRA_MB = 40.0
FLOOR_START_1000_S = 2.0
FLOOR_RSS_1000_MB = 250.0
CHART = "benchmarks-scaling.png"
BASELINE_COLUMNS = (("bm25", systems.BM25Entries.name), ("bm25s", systems.BM25sEntries.name))
NOTES_START = "<!-- notes: kept when the report is regenerated -->"
NOTES_END = "<!-- /notes -->"

QUALITY_ROWS = (
    ("hit1", "hit@1 (answerable)", True),
    ("hit3", "hit@3 (answerable)", True),
    ("wrong1", "wrong@1 (answerable; lower is better)", False),
    ("oos", "out-of-scope decline rate", True),
    ("near", "near-miss decline rate", True),
    ("tr", "Turkish hit@3", True),
)


def _ratio(value: float, ours: float) -> str:
    if math.isnan(value) or math.isnan(ours):
        return "n/a"
    if ours == 0:
        return "= ours" if value == 0 else "ours: 0"
    return f"{value / ours:.2f}× ours"


def _cell(value: float, ours: float | None, digits: int = 3) -> str:
    text = "n/a" if math.isnan(value) else f"{value:.{digits}f}"
    if ours is None:
        return text
    return f"{text} ({_ratio(value, ours)})"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        padded = (str(c).ljust(w) for c, w in zip(cells, widths, strict=True))
        return "| " + " | ".join(padded) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(header), rule, *(line(r) for r in rows)])


def _by_scale(results: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {int(r["scale"]): r for r in results.get("latency", [])}


def summary_table(results: dict[str, Any]) -> str:
    """The one table: measures as rows, systems as columns, baselines with ratios to ours."""
    rows_q = results["quality"]["systems"]
    ours = rows_q[0]
    header = ["measure", *(r["name"] for r in rows_q)]
    rows: list[list[str]] = []
    for key, label, _ in QUALITY_ROWS:
        mine = ours["summary"][key]
        rows.append([f"{label}, dev",
                     _cell(mine, None), *(_cell(r["summary"][key], mine) for r in rows_q[1:])])
    if "holdout" in ours:
        for key, label, _ in QUALITY_ROWS[:5]:
            mine = ours["holdout"][key]
            rows.append([f"{label}, holdout", _cell(mine, None),
                         *(_cell(r["holdout"][key], mine) for r in rows_q[1:])])
    rows.append(["decline threshold (baselines: best on dev)", "built in",
                 *(f"{r['threshold']:.3f}" for r in rows_q[1:])])
    mine = ours["latency"]["median_ms"]
    rows.append(["ms/question at 1× in process, median", _cell(mine, None),
                 *(_cell(r["latency"]["median_ms"], mine) for r in rows_q[1:])])
    mine = ours["latency"]["p99_ms"]
    rows.append(["ms/question at 1× in process, p99", _cell(mine, None),
                 *(_cell(r["latency"]["p99_ms"], mine) for r in rows_q[1:])])
    names = [r["name"] for r in rows_q]
    columns = [(prefix, names.index(name)) for prefix, name in BASELINE_COLUMNS
               if name in names]
    for scale, row in sorted(_by_scale(results).items()):
        blank = ["—"] * (len(names) - 1)
        if "error" in row:
            cells = list(blank)
            for prefix, column in columns:
                bm = row.get(f"{prefix}_match")
                if bm:
                    cells[column - 1] = f"{bm['median_ms']:.3f} / {bm['p99_ms']:.2f}"
            rows.append([f"{scale}× ({_entries(row)} entries): median / p99 ms",
                         f"NOT BUILT: {_reason(row['error'])}", *cells])
            continue
        match = row["match"]
        for stat, label in (("median_ms", "median"), ("p99_ms", "p99")) if scale != 1 else ():
            cells = list(blank)
            for prefix, column in columns:
                bm = row.get(f"{prefix}_match")
                if bm:
                    cells[column - 1] = _cell(bm[stat], match[stat])
            rows.append([f"{scale}× ({row['entries']} entries): ms/question, {label}",
                         _cell(match[stat], None), *cells])
        cells = list(blank)
        for prefix, column in columns:
            if f"{prefix}_build_s" in row:
                cells[column - 1] = _cell(row[f"{prefix}_build_s"], row["build_s"], 2)
        rows.append([f"{scale}×: index build s", _cell(row["build_s"], None, 2), *cells])
        rows.append([f"{scale}×: RSS after build MB (index +MB)",
                     f"{row['rss_after_kb'] / 1024:.0f} "
                     f"(+{(row['rss_after_kb'] - row['rss_before_kb']) / 1024:.0f})", *blank])
        if "agreement" in row and scale != 1:
            agree = row["agreement"]
            rows.append([f"{scale}×: dev top-1 same as 1×",
                         f"{agree['same']}/{sum(agree.values())}", *blank])
    for start in results.get("startup", []):
        rows.append([f"{start['briefings']} briefing(s) ({start['entries']} entries): "
                     "`briefing-bot ask` second start s / max RSS MB",
                     f"{start['second_s']:.2f} / {start['second_rss_kb'] / 1024:.0f}",
                     *(["—"] * (len(names) - 1))])
    cold = results.get("coldstart")
    if cold:
        rows.append(["cold start `briefing-bot ask` s, median",
                     _cell(cold["median_s"], None), *(["—"] * (len(names) - 1))])
    tp = results.get("throughput", {})
    if tp.get("status") == "ok":
        rows.append(["updates/s through the Application, concurrent_updates off / on "
                     "(overall rate limit off; as shipped)",
                     f"{tp['sequential_per_s']:.0f} / {tp['concurrent_per_s']:.0f} "
                     f"({tp.get('limited_per_s', float('nan')):.0f})",
                     *(["—"] * (len(names) - 1))])
    else:
        rows.append(["updates/s through the Application", tp.get("status", "pending"),
                     *(["—"] * (len(names) - 1))])
    return _table(header, rows)


def _reason(error: str) -> str:
    """The gist of a failed size: the allocation that failed, or the last line."""
    found = re.search(r"allocate ([\d.]+ \w+) for an array with shape \((\d+), (\d+)\)", error)
    if found:
        size, rows, columns = found.groups()
        return f"MemoryError allocating {size} ({rows} × {columns} array)"
    return error.strip().splitlines()[-1][:70]


def _entries(row: dict[str, Any]) -> str:
    return str(row.get("entries", "?"))


def floors(results: dict[str, Any]) -> list[tuple[str, str, str, bool | None]]:
    """(floor, measured, bar, met) for each floor of the issue."""
    by_scale = _by_scale(results)
    found: list[tuple[str, str, str, bool | None]] = []
    one = by_scale.get(1)
    if one and "match" in one:
        value = one["match"]["median_ms"]
        found.append(("median match at 1×", f"{value:.3f} ms", f"< {FLOOR_MEDIAN_1X_MS} ms",
                      value < FLOOR_MEDIAN_1X_MS))
    big = by_scale.get(1000)
    if big is not None:
        if "match" in big:
            value = big["match"]["p99_ms"]
            found.append(("p99 match at 1000×", f"{value:.2f} ms", f"< {FLOOR_P99_1000X_MS} ms",
                          value < FLOOR_P99_1000X_MS))
        else:
            found.append(("p99 match at 1000×", "matcher could not be built",
                          f"< {FLOOR_P99_1000X_MS} ms", False))
    for start in results.get("startup", []):
        if start["briefings"] == 100:
            ratio = start["second_s"] / start["single_s"]
            extra = (start["second_rss_kb"] - start["single_rss_kb"]) / 1024
            found.append(("100 briefings: second start / 1 briefing's, side by side",
                          f"{ratio:.2f}× ({start['second_s']:.2f} s / {start['single_s']:.2f} s)",
                          f"≤ {FLOOR_START_100_RATIO:.0f}×", ratio <= FLOOR_START_100_RATIO))
            found.append(("100 briefings: max RSS over 1 briefing's",
                          f"+{extra:.0f} MB", f"≤ +{FLOOR_START_100_EXTRA_MB:.0f} MB",
                          extra <= FLOOR_START_100_EXTRA_MB))
        if start["briefings"] == 1000:
            found.append(("1000 briefings: second start", f"{start['second_s']:.2f} s",
                          f"< {FLOOR_START_1000_S:.0f} s", start["second_s"] < FLOOR_START_1000_S))
            rss = start["second_rss_kb"] / 1024
            found.append(("1000 briefings: max RSS", f"{rss:.0f} MB",
                          f"< {FLOOR_RSS_1000_MB:.0f} MB", rss < FLOOR_RSS_1000_MB))
    cold = results.get("coldstart")
    if cold:
        found.append(("cold start", f"{cold['median_s']:.3f} s", f"< {FLOOR_COLD_S} s",
                      cold["median_s"] < FLOOR_COLD_S))
    tp = results.get("throughput", {})
    if tp.get("status") == "ok":
        worst = min(tp["sequential_per_s"], tp["concurrent_per_s"])
        found.append(("updates/s", f"{worst:.0f}", f"≥ {throughput.FLOOR_PER_S:.0f}",
                      worst >= throughput.FLOOR_PER_S))
    else:
        found.append(("updates/s", tp.get("status", "pending"), f"≥ {throughput.FLOOR_PER_S:.0f}",
                      None))
    ld = results.get("load")
    if ld:
        found.append((f"drain of {ld['updates']} updates / rate-limit minimum",
                      f"{ld['ratio']:.3f} ({ld['drain_s']:.0f} s / {ld['minimum_s']:.0f} s); "
                      f"lost {ld['lost']}, doubled {ld['doubled']}", f"≤ {load.BAR:.2f}, 0 lost",
                      ld["ratio"] <= load.BAR and not ld["lost"] and not ld["doubled"]))
    return found


def _machine(results: dict[str, Any]) -> str:
    m = results["machine"]
    libs = ", ".join(f"{k} {v}" for k, v in m["libraries"].items())
    return "\n".join([
        f"- CPU: {m['cpu']}; {m['cores']} cores ({m['usable_cores']} usable); "
        f"memory {m['memory_mb']} MiB",
        f"- OS: {m['os']}; Python: {m['python']}",
        f"- Libraries: {libs}",
        f"- Code benchmarked: git {m['git']}",
    ])


def _quality_section(results: dict[str, Any]) -> str:
    q = results["quality"]
    ours = q["systems"][0]
    parts = [
        f"Questions: `{_short(q['questions'])}` ({q['cases']} questions); scored in process "
        "with the rules of `benchmarks/score.py` (benchmarks/scoring.py): hit@1, hit@3 "
        "and wrong@1 over the answerable categories (direct, topic, context, typo, paraphrase, "
        "short), decline rates over `oos` and `near`, Turkish (`tr`) as hit@3.",
        "",
        _table(["system", "what", "threshold"],
               [[r["name"], r["label"],
                 "built in" if r["threshold"] is None else f"{r['threshold']:.3f}"]
                for r in q["systems"]]),
        "",
        "**Baselines.** " + " ".join((systems.__doc__ or "").split("\n\n")[1:]).replace("\n", " "),
        "",
        "Paragraphs: " + " ".join((systems.paragraphs.__doc__ or "").split()),
        "Both BM25 baselines analyse text alike: folded words (knowledge.normalize), stop words "
        "removed, light stemming (knowledge.normalize.stem); rank-bm25's BM25Okapi with its "
        "defaults (k1 1.5, b 0.75, epsilon 0.25). The fuzzy baseline compares "
        "`rapidfuzz.utils.default_process` of the folded question and paragraph with "
        "`fuzz.token_set_ratio`.",
    ]
    cross = results.get("cross_check")
    if cross:
        if "summary" in cross:
            mine = ours["summary"]
            same = all(abs(cross["summary"].get(k, float("nan")) - mine[k]) < 5e-4
                       for k in cross["summary"] if not math.isnan(mine[k]))
            figures = " ".join(f"{k}={v:.3f}" for k, v in cross["summary"].items())
            parts += ["", f"Cross-check: `score.py` on `briefing-bot ask --json` gives "
                      f"{figures} — {'the same as' if same else 'DIFFERENT from'} the "
                      "in-process figures."]
        else:
            parts += ["", f"Cross-check with score.py failed: {cross.get('error')}"]
    if "holdout" in q:
        parts += ["", f"Holdout rows: `{_short(q['holdout'])}`, with each baseline's threshold "
                  "as chosen on the dev set (out of sample for the baselines)."]
    if ours["failures"]:
        parts += ["", "briefing-bot's misses on the dev set:", ""]
        parts += [f"- {f}" for f in ours["failures"]]
    return "\n".join(parts)


def _short(path: str) -> str:
    """A path relative to the repository root (`tests/data/dev.yaml`)."""
    return os.path.relpath(Path(path).resolve(), Path(__file__).resolve().parents[1])


def _baseline(row: dict[str, Any], prefix: str) -> str:
    found = row.get(f"{prefix}_match")
    if not found:
        return "—"
    return (f"{found['median_ms']:.3f} / {found['p99_ms']:.2f} "
            f"({row[f'{prefix}_build_s']:.2f} s, +{row[f'{prefix}_index_kb'] / 1024:.0f})")


def _latency_section(results: dict[str, Any]) -> str:
    rows = []
    errors = []
    for scale, r in sorted(_by_scale(results).items()):
        if "error" in r:
            errors.append(f"**{scale}×** ({_entries(r)} entries, {r.get('topics', '?')} "
                          f"topics): {r['error'].strip()}")
            rows.append([f"{scale}×", _entries(r), str(r.get("experts", "?")),
                         str(r.get("topics", "?")), *(["—"] * 8),
                         *(_baseline(r, prefix) for prefix, _ in BASELINE_COLUMNS)])
            continue
        m = r["match"]
        rows.append([
            f"{scale}×", str(r["entries"]), str(r["experts"]), str(r["topics"]),
            f"{r['generate_s']:.2f}", f"{r['build_s']:.3f} (n={r['builds']})",
            f"{r['rss_before_kb'] / 1024:.0f} → {r['rss_after_kb'] / 1024:.0f} "
            f"(peak {r['rss_peak_kb'] / 1024:.0f})",
            f"{m['median_ms']:.3f}", f"{m['p99_ms']:.2f}", f"{m['mean_ms']:.2f}",
            f"{m['max_ms']:.1f}", f"{m['samples']}",
            *(_baseline(r, prefix) for prefix, _ in BASELINE_COLUMNS),
        ])
    table = _table(
        ["size", "entries", "experts", "topics", "generate s", "build s",
         "RSS MB before → after build", "median ms", "p99 ms", "mean ms", "max ms",
         "samples", "rank-bm25 median / p99 ms (build s, +MB)",
         "bm25s median / p99 ms (build s, +MB)"],
        rows,
    )
    agree_rows = [[f"{s}×", *(str(r["agreement"][k]) for k in
                   ("same", "copy-of-same", "copy-of-other", "other-original",
                    "decline-changed"))]
                  for s, r in sorted(_by_scale(results).items()) if "agreement" in r and s != 1]
    parts = [
        "Each size is measured in a fresh `python -m benchmarks.latency` process (address "
        "space capped with RLIMIT_AS so a matcher that does not scale fails with MemoryError "
        "instead of exhausting the machine). Match time: `Matcher.match(q, top=3)` for every "
        "dev question, one warm-up pass then the passes timed call by call; median and p99 "
        "(nearest rank) over all calls. Build: `Matcher(kb)`, median of up to 3 builds in the "
        "process. RSS: VmRSS from /proc/self/status after generating the base and after the "
        "first build (peak = VmHWM). Baselines: `rank_bm25.BM25Okapi` and `bm25s.BM25` over "
        "the same synthetic entries, same questions, for the ratio at each size; build s and "
        "+MB (VmRSS after their build less before) in brackets.",
        "",
        table,
    ]
    if errors:
        parts += ["", *errors]
    if agree_rows:
        parts += [
            "",
            "Top-1 answer of each dev question at N× against 1× (same run): the same entry; a "
            "synthetic copy of that same entry; a copy of another entry; another original "
            "entry; declined at one size and answered at the other.",
            "",
            _table(["size", "same", "copy of same", "copy of other", "other original",
                    "decline changed"], agree_rows),
        ]
    parts += ["", "**Synthetic knowledge bases** (benchmarks/synthetic.py, seed "
              f"{synthetic.SEED}):", ""]
    doc = (synthetic.__doc__ or "").split("\n\n", 1)[1]
    parts.append(doc.strip())
    profiled = [(s, r) for s, r in sorted(_by_scale(results).items()) if r.get("profile")]
    if profiled:
        scale, row = profiled[-1]
        parts += ["", f"cProfile of one pass over the dev questions at {scale}× "
                  "(the largest size that was built and profiled):", "", "```",
                  _trim_profile(row["profile"]), "```"]
    built = [(s, r) for s, r in sorted(_by_scale(results).items()) if r.get("build_profile")]
    if built:
        scale, row = built[-1]
        parts += ["", f"cProfile of one `Matcher(kb)` build at {scale}×:", "", "```",
                  _trim_profile(row["build_profile"]), "```"]
    return "\n".join(parts)


def _startup_section(results: dict[str, Any]) -> str:
    rows = [[str(r["briefings"]), str(r["entries"]), f"{r['first_s']:.2f}",
             f"{r['first_rss_kb'] / 1024:.0f}", f"{r['second_s']:.2f}",
             f"{r['second_rss_kb'] / 1024:.0f}", f"{r['single_s']:.2f}",
             f"{r['single_rss_kb'] / 1024:.0f}", f"{r['second_s'] / r['single_s']:.2f}×"]
            for r in results.get("startup", [])]
    if not rows:
        return "(not measured in this run)"
    doc = (startup.__doc__ or "").split("\n\n", 1)[1].strip()
    return "\n".join([
        doc, "",
        _table(["briefings", "entries", "first start s", "first max RSS MB",
                "second start s (median)", "second max RSS MB", "1 briefing s, same run",
                "1 briefing max RSS MB", "ratio"], rows),
        "",
        f"The chart ({CHART}) puts these beside the in-process figures of section 2: our "
        "index build against rank-bm25's and bm25s's, the index's memory, and the time per "
        "question.",
    ])


def _trim_profile(text: str) -> str:
    lines = [line.rstrip() for line in text.splitlines()]
    keep = [line for line in lines if line.strip() and not line.strip().startswith("List ")]
    return "\n".join(keep)


def _coldstart_section(results: dict[str, Any]) -> str:
    cold = results["coldstart"]
    phases = cold.get("phases", {})
    it = cold["importtime"]
    lines = [
        f"Command: `{cold['command']}`, {cold['repeat']} runs after one warm-up: median "
        f"{cold['median_s']:.3f} s (min {cold['min_s']:.3f}, max {cold['max_s']:.3f}); "
        f"a bare `python -c pass` takes {cold['python_bare_s']:.3f} s.",
        "",
    ]
    if phases:
        lines += [
            "Phases in a fresh process (median): "
            + ", ".join(f"{k[:-2]} {v * 1000:.1f} ms" for k, v in phases.items()) + ".",
            "",
        ]
    lines += [
        f"`python -X importtime` of the same command: {it['modules']} modules, "
        f"{it['total_ms']:.0f} ms of imports; python-telegram-bot imported: "
        f"{'yes' if it['telegram_imported'] else 'no'}. Time per package (sum of its "
        "modules' own import time):",
        "",
        _table(["package", "ms"], [[n, f"{ms:.1f}"] for n, ms in it["by_package"]]),
    ]
    return "\n".join(lines)


def _throughput_section(results: dict[str, Any]) -> str:
    tp = results.get("throughput", {})
    doc = (throughput.__doc__ or "").split("\n\n", 1)[1].strip()
    if tp.get("status") == "ok":
        per_update = 1000 / min(tp["sequential_per_s"], tp["concurrent_per_s"])
        return "\n".join([
            f"{tp['updates']} private-chat questions per run, median of {tp['repeat']} runs: "
            f"**{tp['sequential_per_s']:.0f} updates/s** with `concurrent_updates` off "
            f"(runs: {tp['sequential_runs']}), **{tp['concurrent_per_s']:.0f} updates/s** with "
            f"it on ({tp['concurrent_max_concurrent']} at a time; runs: "
            f"{tp['concurrent_runs']}); every update answered with one sendMessage, no handler "
            f"error. That is at most {per_update:.2f} ms of CPU per update: the work is "
            "synchronous (matching and rendering), so concurrency cannot add throughput on its "
            "own; it only keeps a slow Bot API call from holding up the others. These are with "
            "the overall rate limit off; with the limiter as shipped, "
            f"{tp.get('limited_updates', '?')} updates went through at "
            f"{tp.get('limited_per_s', float('nan')):.1f} updates/s — Telegram's 30 a second, "
            "enforced by the bot itself.",
            "", "Procedure (benchmarks/throughput.py):", "", doc])
    return (f"{tp.get('status', 'pending').capitalize()}: {tp.get('reason', 'not measured')}."
            "\n\nProcedure (benchmarks/throughput.py):\n\n" + doc)


def _load_section(results: dict[str, Any]) -> str:
    ld = results.get("load")
    doc = (load.__doc__ or "").split("\n\n", 1)[1].strip()
    if not ld:
        return "Not measured.\n\nProcedure (benchmarks/load.py):\n\n" + doc
    return "\n".join([
        f"{ld['updates']} questions from {ld['chats']} chats ({ld['groups']} of them groups) "
        f"drained in **{ld['drain_s']:.1f} s**; at 30 messages a second the rate limit allows "
        f"no less than {ld['minimum_s']:.1f} s, so the bot used the limit to within "
        f"**{100 * (ld['ratio'] - 1):.1f} %**. Lost: **{ld['lost']}**, doubled: "
        f"**{ld['doubled']}** ({ld['replies']} replies). Errors logged: "
        f"{len(ld['errors'])}.",
        "", "Procedure (benchmarks/load.py):", "", doc])


def render(results: dict[str, Any], notes: str) -> str:
    """The whole of docs/benchmarks.md."""
    floor_rows = [[name, measured, bar, "—" if met is None else ("met" if met else "MISSED")]
                  for name, measured, bar, met in floors(results)]
    return "\n".join([
        "# Benchmarks",
        "",
        f"Generated by `{results['command']}` (from the repository root) on "
        f"{results['date']}. Regenerate with the same command; the section *Notes* below is "
        "kept, everything else is rewritten. Not part of the default test run; needs the "
        "`bench` extra (`pip install -e '.[bench]'`).",
        "",
        "## Summary",
        "",
        "Baseline cells give the ratio to briefing-bot measured in the same run.",
        "",
        summary_table(results),
        "",
        f"![Latency, start time and memory against the number of entries]({CHART})",
        "",
        "## Floors",
        "",
        _table(["floor", "measured", "bar", ""], floor_rows),
        "",
        "## Machine",
        "",
        _machine(results),
        "",
        "## Notes",
        "",
        NOTES_START,
        notes.strip(),
        NOTES_END,
        "",
        "## 1. Quality",
        "",
        _quality_section(results),
        "",
        "## 2. Latency and memory at 1× to 1000×",
        "",
        _latency_section(results),
        "",
        "## 2b. Start time and memory over archives of briefings",
        "",
        _startup_section(results),
        "",
        "## 3. Throughput through the Telegram Application",
        "",
        _throughput_section(results),
        "",
        "## 4. Cold start",
        "",
        _coldstart_section(results),
        "",
        "## 5. A backlog through the real process",
        "",
        _load_section(results),
        "",
    ])


def write(results: dict[str, Any], path: Path) -> None:
    """Write the report, keeping the hand-written notes of the previous one."""
    notes = "(none yet)"
    if path.is_file():
        old = path.read_text(encoding="utf-8")
        found = re.search(re.escape(NOTES_START) + r"\n(.*?)\n" + re.escape(NOTES_END), old,
                          re.S)
        if found:
            notes = found.group(1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(results, notes), encoding="utf-8")
