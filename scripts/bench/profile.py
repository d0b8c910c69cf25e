#!/usr/bin/env python3
"""Profile one benchmark under aiopy with `perf`, resolving inlined frames.

The release build inlines most of the VM into `run_frames`, so perf's
per-symbol report says little. This samples with `perf record`, maps every
sample back through the debug line tables (`addr2line -i`), and prints:

  1. self time by innermost function (any crate: std, slotmap, indexmap...),
  2. self time by innermost function of aiopy's own sources (src/...),
  3. self time by aiopy source line,
  4. self time by aiopy call chain "outer > ... > inner" within the sample's
     inline stack (the 2-3 innermost aiopy frames).

Needs a binary with line tables, e.g. a copy of the tree built with
  CARGO_PROFILE_RELEASE_DEBUG=line-tables-only CARGO_PROFILE_RELEASE_STRIP=none \\
  CARGO_TARGET_DIR=/tmp/prof-target cargo build --release
(environment overrides only: Cargo.toml and target/ stay untouched).

Usage: scripts/bench/profile.py --aiopy BIN fib.py [ARGS...] [--top 25]
"""

import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def symbol_table(binary):
    out = subprocess.run(["nm", "--defined-only", binary], capture_output=True,
                         text=True).stdout
    table = {}
    for line in out.splitlines():
        parts = line.split(None, 2)
        if len(parts) == 3:
            table.setdefault(parts[2], int(parts[0], 16))
    return table


def short(fn):
    fn = re.sub(r"<impl [^>]*>::", "", fn)
    fn = re.sub(r"::h[0-9a-f]{16}$", "", fn)
    fn = fn.replace("aiopy::", "")
    return fn


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--aiopy", required=True)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--freq", type=int, default=2999)
    ap.add_argument("--data", help="reuse an existing perf.data instead of recording")
    ap.add_argument("--callers", metavar="REGEX",
                    help="record call graphs (dwarf) and show who calls the functions "
                         "matching REGEX (e.g. 'malloc|free'): the frames above them")
    ap.add_argument("--depth", type=int, default=5, help="caller frames to show")
    ap.add_argument("program")
    ap.add_argument("args", nargs="*")
    a = ap.parse_args()

    binary = os.path.abspath(a.aiopy)
    if a.callers:
        return callers(a, binary)
    data = a.data
    if not data:
        data = tempfile.mktemp(prefix="perf-", suffix=".data")
        prog = a.program if os.path.exists(a.program) else os.path.join(HERE, a.program)
        subprocess.run(["perf", "record", "-q", "-F", str(a.freq), "-o", data, binary, prog]
                       + a.args, check=True, stdout=subprocess.DEVNULL)
    script = subprocess.run(["perf", "script", "-i", data, "--no-demangle",
                             "-F", "ip,sym,symoff,dso"],
                            capture_output=True, text=True).stdout
    syms = symbol_table(binary)
    base = os.path.basename(binary)
    counts = collections.Counter()
    other = collections.Counter()
    total = 0
    for line in script.splitlines():
        line = line.strip()
        if not line:
            continue
        total += 1
        m = re.match(r"[0-9a-f]+ (\S+)\+0x([0-9a-f]+) \((.*)\)$", line)
        if not m or os.path.basename(m.group(3)) != base or m.group(1) not in syms:
            dso = m.group(3) if m else "?"
            other["%s (%s)" % (m.group(1) if m else line[:40], os.path.basename(dso))] += 1
            continue
        counts[syms[m.group(1)] + int(m.group(2), 16)] += 1
    addrs = sorted(counts)
    res = subprocess.run(["addr2line", "-a", "-f", "-i", "-C", "-e", binary],
                         input="\n".join("%x" % x for x in addrs), capture_output=True,
                         text=True).stdout.splitlines()
    chains = {}
    cur = None
    i = 0
    while i < len(res):
        l = res[i]
        if l.startswith("0x") and re.match(r"0x[0-9a-f]+$", l):
            cur = int(l, 16)
            chains[cur] = []
            i += 1
            continue
        fn, loc = l, res[i + 1] if i + 1 < len(res) else "??:0"
        chains[cur].append((short(fn), loc))
        i += 2

    by_inner = collections.Counter()
    by_aiopy = collections.Counter()
    by_line = collections.Counter()
    by_chain = collections.Counter()
    for addr, n in counts.items():
        ch = chains.get(addr, [("??", "??:0")])
        by_inner[ch[0][0]] += n
        own = [(f, loc) for f, loc in ch if "/src/" in loc and "/rustc/" not in loc
               and "/.cargo/" not in loc]
        if own:
            f, loc = own[0]
            by_aiopy[f] += n
            by_line[re.sub(r".*/src/", "src/", loc.split(" (")[0])] += n
            by_chain[" > ".join(reversed([x[0] for x in own[:3]]))] += n
        else:
            by_aiopy["(no aiopy frame) " + ch[0][0]] += n
    for k, n in other.items():
        by_inner["[other] " + k] += n

    def show(title, c):
        print("\n### %s (%d samples)\n" % (title, total))
        for k, n in c.most_common(a.top):
            print("%6.2f%%  %s" % (100.0 * n / total, k))

    print("# perf profile: %s %s" % (a.program, " ".join(a.args)))
    show("self time by innermost function (any crate)", by_inner)
    show("self time by innermost aiopy function", by_aiopy)
    show("self time by aiopy source line", by_line)
    show("self time by inline chain (outer > inner, 3 innermost aiopy frames)", by_chain)
    if not a.data:
        os.unlink(data)


def callers(a, binary):
    """Who calls the functions matching a.callers: record with dwarf call
    graphs and print perf's caller tree for each matching symbol."""
    data = a.data
    if not data:
        data = tempfile.mktemp(prefix="perf-", suffix=".data")
        prog = a.program if os.path.exists(a.program) else os.path.join(HERE, a.program)
        subprocess.run(["perf", "record", "-q", "--call-graph", "dwarf,32768", "-F",
                        str(min(a.freq, 999)), "-o", data, binary, prog] + a.args,
                       check=True, stdout=subprocess.DEVNULL)
    out = subprocess.run(["perf", "report", "-i", data, "--no-children", "--stdio",
                          "--sort", "sym", "--percent-limit", "0.5",
                          "-g", "caller,0.5,callee,function,percent"],
                         capture_output=True, text=True).stdout
    pat = re.compile(a.callers)
    show = False
    shown = 0
    for line in out.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        m = re.match(r"\s+([0-9.]+)%\s+\[[.k]\]\s+(.*)", line)
        if m:                       # a top-level symbol line
            show = bool(pat.search(m.group(2))) and shown < a.top
            shown += show
            if show:
                print()
        if show:
            # keep the caller tree short: drop the frames below main
            if re.search(r"(clone3|start_thread|thread_start|call_once|catch_unwind|"
                         r"do_call|__rust_begin_short_backtrace|aiopy::run$|lang_start)",
                         line):
                continue
            depth = len(line) - len(line.lstrip(" |-"))
            if depth <= 12 * a.depth:
                print(short(line.rstrip()))
    if not a.data:
        os.unlink(data)


if __name__ == "__main__":
    main()
