#!/bin/sh
# Benchmark aiopy against CPython 3.11: see scripts/bench/run.py --help.
#   scripts/bench.sh                       # everything, 5 runs each
#   scripts/bench.sh -n 3 -k fib,nbody     # a selection
#   scripts/bench.sh --results scripts/bench/RESULTS.md
cd "$(dirname "$0")/.." || exit 2
exec python3 scripts/bench/run.py "$@"
