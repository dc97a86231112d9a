#!/usr/bin/env python3
"""Score bilateral's timeline against the gold events of the attribution development set.

Usage (from the repository root, after `cargo build --release`):

  python3 benches/score_events.py                          # ../shared/eval/attribution-dev
  python3 benches/score_events.py --suite DIR -v            # another suite, with details
  python3 benches/score_events.py --bin target/release/bilateral
  python3 benches/score_events.py --no-published            # as a user without --published

The suite is read where it lies (never copied): every `articles*/NN_slug.json` with its
`NN_slug.txt`. The gold file carries `published` and `events`, the first of which is the
interaction the article reports. For each article the binary runs as
`bilateral --json [--published P] NN_slug.txt` and the scorer reports:

- main: the tool's `main` event has the gold main event's date (same granularity and
  period; `X` parts of a value without reference match anything), `right`/`wrong`/`none`;
- kind: the main event's kind against the kind the gold description names (call /
  meeting / talks), where it names one;
- order: the tool's events are in date order (`ok`, or the first pair out of order);
- found: how many gold dates are among the tool's events.

Standard library only.
"""
import argparse
import datetime as dt
import glob
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def period(value, granularity=None):
    """(granularity, first day or None, pattern) of a date value."""
    if value is None:
        return None
    m = re.fullmatch(r"(\d{4}|XXXX)-W(\d{2})", value)
    if m:
        if "X" in m.group(1):
            return ("week", None, value)
        d = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        return ("week", d, value)
    parts = value.split("-")
    g = {1: "year", 2: "month", 3: "day"}.get(len(parts))
    if granularity == "week" and g == "day":
        # Gold weeks are given by their Monday.
        d = dt.date.fromisoformat(value)
        return ("week", d - dt.timedelta(days=d.weekday()), value)
    if "X" in value:
        return (g, None, value)
    y = int(parts[0])
    mo = int(parts[1]) if len(parts) > 1 else 1
    da = int(parts[2]) if len(parts) > 2 else 1
    return (g, dt.date(y, mo, da), value)


def same_date(tool, gold):
    """Whether a tool value names the gold period (X parts match anything)."""
    if tool is None or gold is None or tool[0] != gold[0]:
        return False
    if tool[1] is not None and gold[1] is not None:
        return tool[1] == gold[1]
    a, b = tool[2], gold[2]
    if gold[1] is not None and gold[0] == "week":
        b = "%04d-W%02d" % gold[1].isocalendar()[:2]
    return len(a) == len(b) and all(x == y or "X" in (x, y) for x, y in zip(a, b))


def expected_kind(what):
    w = what.lower()
    if re.search(r"\b(phone|telephone|call|conversation)\b", w):
        return "call"
    if re.search(r"\b(talks|negotiations|dialogue)\b", w):
        return "talks"
    if re.search(r"\b(meeting|summit|visit)\b", w):
        return "meeting"
    return None


def run(binary, txt, published):
    cmd = [binary, "--json"]
    if published:
        cmd += ["--published", published]
    cmd.append(txt)
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    if p.returncode != 0:
        raise RuntimeError(p.stderr.strip())
    return json.loads(p.stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--suite",
        default=os.path.join(ROOT, "..", "shared", "eval", "attribution-dev"),
    )
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "bilateral"))
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument(
        "--no-published",
        action="store_true",
        help="run without --published (no reference date): dates keep unknown parts",
    )
    args = ap.parse_args()

    golds = sorted(glob.glob(os.path.join(args.suite, "articles*", "*.json")))
    if not golds:
        sys.exit(f"no gold files under {args.suite}")
    totals = {"main": 0, "kind": 0, "kind_n": 0, "order": 0, "found": 0, "gold": 0}
    print(f"{'article':<52} {'main':<6} {'kind':<16} {'order':<6} found")
    for g in golds:
        gold = json.load(open(g, encoding="utf-8"))
        events = gold.get("events") or []
        name = os.path.basename(g)[:-5]
        txt = g[:-5] + ".txt"
        try:
            out = run(args.bin, txt, None if args.no_published else gold.get("published"))
        except Exception as e:  # a crash is a wrong article
            print(f"{name:<52} error: {e}")
            continue
        tool = out.get("events", [])
        main_ev = next((e for e in tool if e.get("main")), None)
        gold_main = events[0] if events else None
        gp = period(gold_main["date"], gold_main.get("precision")) if gold_main else None
        if main_ev is None:
            verdict = "none"
        elif same_date(period(main_ev["date"]), gp):
            verdict = "right"
            totals["main"] += 1
        else:
            verdict = "wrong"
        want = expected_kind(gold_main["what"]) if gold_main else None
        got = main_ev["kind"] if main_ev else "-"
        if want:
            totals["kind_n"] += 1
            totals["kind"] += got == want
            kind = f"{got}{'' if got == want else ' (want ' + want + ')'}"
        else:
            kind = got
        def sortable(e):
            p = period(e["date"])
            if p is None:
                return None
            if p[1] is not None:
                return (p[1].year, p[1].month, p[1].day)
            m = re.fullmatch(r"XXXX-(\d{2})(?:-(\d{2}))?", e["date"])
            return (0, int(m.group(1)), int(m.group(2) or 0)) if m else None

        firsts = [sortable(e) for e in tool]
        # Pairs are compared within a class: known years, or unknown years with a month
        # (a year that is not known cannot be compared with one that is).
        bad = None
        for cls in (lambda d: d[0] != 0, lambda d: d[0] == 0):
            known = [(d, e) for d, e in zip(firsts, tool) if d is not None and cls(d)]
            bad = bad or next(
                ((a, b) for (da, a), (db, b) in zip(known, known[1:]) if db < da),
                None,
            )
        order = "ok" if bad is None else f"{bad[0]['date']}>{bad[1]['date']}"
        totals["order"] += bad is None
        tool_periods = [period(e["date"]) for e in tool]
        found = sum(
            any(same_date(t, period(ge["date"], ge.get("precision"))) for t in tool_periods)
            for ge in events
        )
        totals["found"] += found
        totals["gold"] += len(events)
        print(f"{name:<52} {verdict:<6} {kind:<16} {order:<6} {found}/{len(events)}")
        if args.verbose:
            gm = gold_main["date"] if gold_main else None
            print(f"    gold main {gm}; tool main {main_ev and main_ev['date']}")
            for e in tool:
                mark = " main" if e.get("main") else ""
                print(f"    {e['date']:<12} {e['kind']:<9} {e.get('attributes')}{mark}")
    n = len(golds)
    print(
        f"main right {totals['main']}/{n} · kind right {totals['kind']}/{totals['kind_n']}"
        f" · order ok {totals['order']}/{n} · gold dates found {totals['found']}/{totals['gold']}"
    )


if __name__ == "__main__":
    main()
