#!/usr/bin/env python3
"""A/B-compare two aiopy binaries (e.g. before/after an optimisation) on
selected benchmarks: alternating runs, median CPU time (user+sys) and
wall time, ratio B/A, and a check that both print the same output.

Usage: scripts/bench/ab.py A_BINARY B_BINARY [-n 5] [-k fib,nbody] [--arg fib=28]
"""

import argparse
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run as bench  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("-n", "--reps", type=int, default=5)
    ap.add_argument("-k", "--only", default="")
    ap.add_argument("--arg", action="append", default=[],
                    help="NAME=ARG: size argument for one benchmark")
    args = ap.parse_args()
    sizes = dict(x.split("=", 1) for x in args.arg)
    benches = bench.discover()
    if args.only:
        pats = args.only.split(",")
        benches = [b for b in benches if any(p == b[0] for p in pats)] or \
            [b for b in benches if any(p in b[0] for p in pats)]
    print("| benchmark | A cpu s | B cpu s | B/A cpu | A wall s | B wall s | B/A wall | output |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for name, kind, path in benches:
        extra = [sizes[name]] if name in sizes else []
        res = {"a": [], "b": []}
        outs = set()
        for rep in range(args.reps):
            order = ["a", "b"] if rep % 2 == 0 else ["b", "a"]
            for which in order:
                binary = getattr(args, which)
                r = bench.run_measured([os.path.abspath(binary), path] + extra, 300)
                res[which].append(r)
                outs.add((which, r["rc"], bench.split_output(r["out"])[0]))
        same = len({(rc, o) for _, rc, o in outs}) == 1
        med = {w: (statistics.median(r["cpu"] for r in res[w]),
                   statistics.median(r["wall"] for r in res[w])) for w in res}
        print("| %s | %.3f | %.3f | %.2f× | %.3f | %.3f | %.2f× | %s |" % (
            name, med["a"][0], med["b"][0], med["b"][0] / med["a"][0],
            med["a"][1], med["b"][1], med["b"][1] / med["a"][1],
            "same" if same else "**DIFFERS**"), flush=True)


if __name__ == "__main__":
    main()
