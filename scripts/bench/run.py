#!/usr/bin/env python3
"""Benchmark runner: aiopy against CPython 3.11.

Runs every program in scripts/bench/ (each prints a checked result) under
target/release/aiopy and python3, alternating the two, N times each, and
prints a Markdown table of median wall-clock seconds, the ratio
aiopy/CPython, and peak RSS (ru_maxrss of each child, from os.wait4), the
micro-figures the micro_* programs report ("#metric NAME VALUE" lines) and
the start-up time of `-c "import asyncio"`, and the geometric means of the
sync and async ratios.

Exit status: 0 when every program printed the same output (metric lines
excepted) under both interpreters and exited 0; 1 otherwise.

Usage: scripts/bench.sh [-n REPS] [-k NAME[,NAME...]] [-x NAME,...]
                        [--aiopy PATH] [--python PATH] [--results FILE] ...
"""

import argparse
import datetime
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time

TIME_BIN = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# Targets from issue 6.
SYNC_TARGET = 1.0
ASYNC_TARGET = 0.33
METRIC_TARGETS = {           # name: (description, unit, target, lower is better)
    "switch_ns": ("`await asyncio.sleep(0)` switch", "ns", 100.0),
    "task_us": ("task create+run+collect", "µs", 1.0),
    "parked_bytes": ("RSS per parked task (100k on one Event)", "bytes", 300.0),
    "startup_ms": ('start-up `-c "import asyncio"`', "ms", 2.0),
    "startup_bare_ms": ('start-up `-c "pass"`', "ms", None),
}


def discover():
    """(name, kind, path) of every benchmark program, sorted by kind/name."""
    out = []
    for fn in sorted(os.listdir(HERE)):
        if not fn.endswith(".py") or fn.startswith("_"):
            continue
        path = os.path.join(HERE, fn)
        kind = None
        with open(path) as f:
            for line in f.read().splitlines()[:10]:
                m = re.match(r"#\s*kind:\s*(\w+)", line)
                if m:
                    kind = m.group(1)
                    break
        if kind:        # tools (run.py, ab.py, profile.py) have no kind line
            out.append((fn[:-3], kind, path))
    order = {"sync": 0, "async": 1, "micro": 2}
    out.sort(key=lambda t: (order.get(t[1], 3), t[0]))
    return out


def run_measured(argv, timeout):
    """Run argv; reap the child with os.wait4 to get its own rusage (peak
    RSS, CPU time). Output goes to temporary files so a large output cannot
    block the child. Returns dict(rc, wall, cpu, rss_kb, out, err)."""
    import tempfile
    rssfile = None
    if TIME_BIN:
        # The child of a vfork from this (16 MB) runner would inherit its RSS
        # high-water mark across exec, so ru_maxrss would never go below
        # 16 MB: let GNU time (2 MB) fork the program and report %M.
        fd, rssfile = tempfile.mkstemp(prefix="bench-rss-")
        os.close(fd)
        argv = [TIME_BIN, "-o", rssfile, "-f", "%M"] + list(argv)
    with tempfile.TemporaryFile() as fo, tempfile.TemporaryFile() as fe:
        t0 = time.perf_counter()
        p = subprocess.Popen(argv, stdout=fo, stderr=fe, cwd=HERE)
        # block in wait4 (no polling error); a timer kills a hung child
        killed = []

        def kill():
            killed.append(1)
            p.kill()
        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, ru = os.wait4(p.pid, 0)
        finally:
            timer.cancel()
        timed_out = bool(killed)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        fo.seek(0)
        fe.seek(0)
        out = fo.read().decode("utf-8", "replace")
        err = fe.read().decode("utf-8", "replace")
        if timed_out:
            err += "\n[runner] timeout after %ds" % timeout
    rss = ru.ru_maxrss
    if rssfile:
        try:
            with open(rssfile) as f:
                lines = f.read().split()
            rss = int(lines[-1])
        except (OSError, ValueError, IndexError):
            pass
        os.unlink(rssfile)
    return {"rc": p.returncode, "wall": wall, "cpu": ru.ru_utime + ru.ru_stime,
            "rss_kb": rss, "out": out, "err": err}


def spawn_time(argv):
    """Wall time of one run of argv (output discarded), measured around
    posix_spawn + waitpid: the least overhead Python can add."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        t0 = time.perf_counter()
        pid = os.posix_spawn(argv[0], argv, os.environ,
                             file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1)])
        _, status = os.waitpid(pid, 0)
        dt = time.perf_counter() - t0
    finally:
        os.close(devnull)
    return dt, os.waitstatus_to_exitcode(status)


def split_output(text):
    """(checked output, {metric: value})."""
    keep, metrics = [], {}
    for line in text.splitlines():
        if line.startswith("#metric "):
            parts = line.split()
            try:
                metrics[parts[1]] = float(parts[2])
            except (IndexError, ValueError):
                keep.append(line)
        else:
            keep.append(line)
    return "\n".join(keep), metrics


def fmt_s(x):
    return "—" if x is None else ("%.3f" % x if x < 10 else "%.2f" % x)


def fmt_mb(kb):
    return "—" if kb is None else "%.1f" % (kb / 1024)


def geomean(xs):
    xs = [x for x in xs if x and x > 0]
    if not xs:
        return None
    return math.exp(sum(math.log(x) for x in xs) / len(xs))


def machine_info():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        mem = open("/proc/meminfo").readline().split()[1]
        mem = "%.1f GiB" % (int(mem) / 1024 / 1024)
    except Exception:
        mem = "?"
    try:
        load = open("/proc/loadavg").read().split()[:3]
    except OSError:
        load = ["?"]
    return {"cpu": cpu, "nproc": os.cpu_count(), "mem": mem,
            "load": " ".join(load)}


def git_rev():
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                             capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "src"],
                               cwd=ROOT, capture_output=True, text=True).stdout.strip()
        return rev + (" (+ uncommitted changes in src/)" if dirty else "")
    except Exception:
        return "?"


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", "--reps", type=int, default=5,
                    help="runs per interpreter and benchmark (default 5)")
    ap.add_argument("-k", "--only", default="",
                    help="comma-separated benchmark names or substrings to run")
    ap.add_argument("-x", "--exclude", default="",
                    help="comma-separated benchmark names or substrings to skip")
    ap.add_argument("--kind", default="", help="only this kind: sync, async or micro")
    ap.add_argument("--aiopy", default=os.path.join(ROOT, "target", "release", "aiopy"))
    ap.add_argument("--python", default="python3",
                    help="CPython to compare with (a pyenv shim is resolved to the "
                         "real executable, the shim costs ~0.2 s per start)")
    ap.add_argument("--python-flags", default="-S",
                    help="flags for CPython (default -S: this machine's site-packages "
                         "has a .pth that imports certifi, ~55 ms per start; the "
                         "programs use only the standard library). '' for none")
    ap.add_argument("--timeout", type=float, default=120.0,
                    help="seconds before one run is killed (default 120)")
    ap.add_argument("--startup-reps", type=int, default=20,
                    help="runs of each start-up measurement (0 to skip)")
    ap.add_argument("--startup", action="store_true",
                    help="measure start-up even when benchmarks are selected with -k/-x/--kind")
    ap.add_argument("--cpu", action="store_true",
                    help="report user+sys CPU time instead of wall-clock time")
    ap.add_argument("--no-snapshot", action="store_true",
                    help="run the aiopy binary in place instead of a private copy")
    ap.add_argument("--list", action="store_true", help="list benchmarks and exit")
    ap.add_argument("--json", metavar="FILE", help="also write raw results as JSON")
    ap.add_argument("--results", metavar="FILE",
                    help="write a RESULTS.md (date, machine, command, tables)")
    ap.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    args = ap.parse_args()

    benches = discover()
    if args.only:
        pats = [p for p in args.only.split(",") if p]
        exact = [b for b in benches if b[0] in pats]
        benches = exact if len(exact) == len(pats) else \
            [b for b in benches if any(p in b[0] for p in pats)]
    if args.exclude:
        pats = [p for p in args.exclude.split(",") if p]
        benches = [b for b in benches if not any(p in b[0] for p in pats)]
    if args.kind:
        benches = [b for b in benches if b[1] == args.kind]
    if args.list:
        for name, kind, _ in benches:
            print("%-24s %s" % (name, kind))
        return 0

    aiopy = os.path.abspath(args.aiopy)
    if not os.access(aiopy, os.X_OK):
        sys.exit("no aiopy binary at %s (cargo build --release)" % aiopy)
    python = shutil.which(args.python) or args.python
    try:
        python = subprocess.run([python, "-c", "import sys; print(sys.executable)"],
                                capture_output=True, text=True, check=True).stdout.strip()
        pyver = subprocess.run([python, "-c", "import sys; print(sys.version.split()[0])"],
                               capture_output=True, text=True).stdout.strip()
    except Exception as e:
        sys.exit("cannot run %s: %s" % (args.python, e))
    aiopy_shown = aiopy
    if not args.no_snapshot:
        # others may rebuild target/release while we measure: run a private
        # copy so every run uses the same binary
        import tempfile
        snapdir = tempfile.mkdtemp(prefix="aiopy-bench-")
        snap = os.path.join(snapdir, "aiopy")
        shutil.copy2(aiopy, snap)
        import atexit
        atexit.register(shutil.rmtree, snapdir, True)
        aiopy = snap
    interps = [("aiopy", [aiopy]), ("cpython", [python] + args.python_flags.split())]

    def log(msg):
        if not args.quiet:
            print(msg, file=sys.stderr, flush=True)

    started = time.time()
    timekey = "cpu" if args.cpu else "wall"
    results = []
    failed = False
    for name, kind, path in benches:
        runs = {"aiopy": [], "cpython": []}
        broken = {}
        ref_out = None
        for rep in range(args.reps):
            order = interps if rep % 2 == 0 else interps[::-1]
            for iname, argv in order:
                if iname in broken:
                    continue
                r = run_measured(argv + [path], args.timeout)
                checked, metrics = split_output(r["out"])
                r["checked"], r["metrics"] = checked, metrics
                if r["rc"] != 0:
                    broken[iname] = "exit status %d" % r["rc"]
                runs[iname].append(r)
                log("  %-22s %-7s run %d: %6.3fs  %7.1f MB  rc=%d" %
                    (name, iname, rep + 1, r[timekey], r["rss_kb"] / 1024, r["rc"]))
            # output check after each round: CPython is the reference
            cp = [r for r in runs["cpython"] if r["rc"] == 0]
            if cp:
                if ref_out is None:
                    ref_out = cp[0]["checked"]
                for r in cp:
                    if r["checked"] != ref_out and "cpython" not in broken:
                        broken["cpython"] = "output differs between CPython runs"
            for r in runs["aiopy"]:
                if r["rc"] == 0 and ref_out is not None and r["checked"] != ref_out \
                        and "aiopy" not in broken:
                    broken["aiopy"] = "wrong output"
            if "cpython" in broken:
                break
        entry = {"name": name, "kind": kind}
        for iname in ("aiopy", "cpython"):
            ok = [r for r in runs[iname] if r["rc"] == 0]
            entry[iname] = {
                "time": statistics.median(r[timekey] for r in ok) if ok else None,
                "times": [round(r[timekey], 4) for r in runs[iname]],
                # CPU time (user + system) as well: a program that sleeps
                # for real (async_timers) has a wall-clock floor no
                # interpreter can go under; its CPU ratio shows the loop.
                "cpu_time": statistics.median(r["cpu"] for r in ok) if ok else None,
                "rss_kb": max(r["rss_kb"] for r in runs[iname]) if runs[iname] else None,
                "metrics": {},
                "status": broken.get(iname, "ok"),
            }
            names = set()
            for r in ok:
                names.update(r["metrics"])
            for m in sorted(names):
                vals = [r["metrics"][m] for r in ok if m in r["metrics"]]
                entry[iname]["metrics"][m] = statistics.median(vals)
            if iname in broken:
                bad = runs[iname][-1]
                entry[iname]["stderr_tail"] = bad["err"].strip().splitlines()[-8:]
                entry[iname]["stdout_tail"] = bad["out"].strip().splitlines()[-4:]
                if broken[iname] == "wrong output":
                    entry[iname]["diff"] = {"expected": ref_out, "got": bad["checked"]}
        a, c = entry["aiopy"]["time"], entry["cpython"]["time"]
        entry["ratio"] = (a / c) if (a and c and not broken) else None
        ac, cc = entry["aiopy"]["cpu_time"], entry["cpython"]["cpu_time"]
        entry["cpu_ratio"] = (ac / cc) if (ac and cc and not broken) else None
        entry["rss_ratio"] = (entry["aiopy"]["rss_kb"] / entry["cpython"]["rss_kb"]
                              if not broken and entry["cpython"]["rss_kb"] else None)
        entry["status"] = "; ".join("%s: %s" % kv for kv in sorted(broken.items())) or "ok"
        if broken:
            failed = True
            log("  %s: FAILED (%s)" % (name, entry["status"]))
        results.append(entry)

    # start-up time
    startup = {}
    if args.startup_reps > 0 and (args.startup or not (args.only or args.kind or args.exclude)):
        for key, code in (("startup_ms", "import asyncio"), ("startup_bare_ms", "pass")):
            ts = {"aiopy": [], "cpython": [], "true": []}
            ok = {"aiopy": True, "cpython": True, "true": True}
            for rep in range(args.startup_reps):
                order = interps if rep % 2 == 0 else interps[::-1]
                for iname, argv in order + [("true", ["/bin/true"])]:
                    dt, rc = spawn_time(argv + ["-c", code])
                    if rc != 0:
                        ok[iname] = False
                    ts[iname].append(dt * 1000)
            startup[key] = {i: (statistics.median(ts[i]) if ok[i] else None) for i in ts}
            log("  %-22s aiopy %.2f ms, cpython %.2f ms" %
                (key, startup[key]["aiopy"] or -1, startup[key]["cpython"] or -1))

    elapsed = time.time() - started
    md = render(results, startup, args, aiopy_shown, python, pyver, timekey, failed)
    print(md)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"results": results, "startup": startup,
                       "machine": machine_info(), "elapsed_s": elapsed,
                       "aiopy": aiopy_shown, "python": python}, f, indent=1)
    if args.results:
        with open(args.results, "w") as f:
            f.write(render_results_file(md, args, aiopy_shown,
                                        " ".join([python] + args.python_flags.split()),
                                        pyver, elapsed))
    return 1 if failed else 0


def mark(ok):
    return "✓" if ok else "✗"


def render(results, startup, args, aiopy, python, pyver, timekey, failed):
    L = []
    unit = "CPU s" if timekey == "cpu" else "s"
    L.append("| benchmark | kind | CPython %s | aiopy %s | aiopy/CPython | target | CPU ratio | "
             "CPython peak RSS MB | aiopy peak RSS MB | RSS ratio | status |" % (unit, unit))
    L.append("|---|---|---:|---:|---:|:---:|---:|---:|---:|---:|---|")
    for e in results:
        target = {"sync": SYNC_TARGET, "async": ASYNC_TARGET}.get(e["kind"])
        r = e["ratio"]
        tmark = "" if (r is None or target is None) else \
            "%s ≤%g" % (mark(r <= target), target)
        rr = e["rss_ratio"]
        cr = e.get("cpu_ratio")
        L.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            e["name"], e["kind"], fmt_s(e["cpython"]["time"]), fmt_s(e["aiopy"]["time"]),
            "%.2f×" % r if r else "—", tmark, "%.2f×" % cr if cr else "—",
            fmt_mb(e["cpython"]["rss_kb"]), fmt_mb(e["aiopy"]["rss_kb"]),
            ("%.2f× %s" % (rr, mark(rr <= 1.0))) if rr else "—",
            "ok" if e["status"] == "ok" else "**FAIL** " + e["status"]))
    L.append("")
    gs = geomean([e["ratio"] for e in results if e["kind"] == "sync"])
    ga = geomean([e["ratio"] for e in results if e["kind"] == "async"])
    ns = sum(1 for e in results if e["kind"] == "sync" and e["ratio"])
    na = sum(1 for e in results if e["kind"] == "async" and e["ratio"])
    if gs:
        L.append("Geometric mean aiopy/CPython, sync (%d programs): **%.2f×** "
                 "(target ≤ 0.8×) %s" % (ns, gs, mark(gs <= 0.8)))
    if ga:
        L.append("Geometric mean aiopy/CPython, async (%d programs): **%.2f×** "
                 "(target ≤ 0.33×) %s" % (na, ga, mark(ga <= ASYNC_TARGET)))
    nfail = sum(1 for e in results if e["status"] != "ok")
    if nfail:
        L.append("Failing: %d program(s): %s" % (nfail, ", ".join(
            e["name"] for e in results if e["status"] != "ok")))
    L.append("")
    # micro-figures
    rows = []
    for e in results:
        for m in sorted(set(e["aiopy"]["metrics"]) | set(e["cpython"]["metrics"])):
            rows.append((m, e["cpython"]["metrics"].get(m), e["aiopy"]["metrics"].get(m)))
    for key in ("startup_ms", "startup_bare_ms"):
        if key in startup:
            rows.append((key, startup[key]["cpython"], startup[key]["aiopy"]))
    if rows:
        L.append("| micro-figure | CPython | aiopy | aiopy/CPython | target |")
        L.append("|---|---:|---:|---:|:---:|")
        for m, c, a in rows:
            desc, unit, target = METRIC_TARGETS.get(m, (m, "", None))
            t = "" if target is None or a is None else \
                "%s ≤ %g %s" % (mark(a <= target), target, unit)
            L.append("| %s | %s | %s | %s | %s |" % (
                desc + (" (%s)" % unit if unit else ""),
                "—" if c is None else "%.4g" % c, "—" if a is None else "%.4g" % a,
                "%.2f×" % (a / c) if a and c else "—", t))
        L.append("")
        if "startup_ms" in startup and startup["startup_ms"].get("true"):
            L.append("Start-up: median of %d runs each, timed around posix_spawn+waitpid; "
                     "spawning /bin/true the same way takes %.2f ms." %
                     (args.startup_reps, startup["startup_ms"]["true"]))
            L.append("")
    for e in results:
        for iname in ("aiopy", "cpython"):
            d = e[iname]
            if d["status"] != "ok":
                L.append("**%s under %s: %s**" % (e["name"], iname, d["status"]))
                if "diff" in d:
                    L.append("```\nexpected:\n%s\ngot:\n%s\n```" % (
                        d["diff"]["expected"][:800], d["diff"]["got"][:800]))
                elif d.get("stderr_tail") or d.get("stdout_tail"):
                    L.append("```\n%s\n```" % "\n".join(
                        d.get("stdout_tail", []) + d.get("stderr_tail", [])))
    return "\n".join(L)


def render_results_file(md, args, aiopy, python, pyver, elapsed):
    mi = machine_info()
    now = subprocess.run(["date"], capture_output=True, text=True).stdout.strip()
    cmd = "scripts/bench.sh " + " ".join(sys.argv[1:])
    return """# Benchmark results

- Date: %s
- Machine: %s, nproc %s, %s RAM, load average at the end %s
- aiopy: `%s` at git %s
- CPython: `%s` (%s)
- Command: `%s` (%d runs per interpreter, alternating; medians; runner took %.0f s)
- Time: wall-clock of the whole process, start-up included (CPU time with
  `--cpu`); "CPU ratio" is the ratio of median user+system CPU times of the
  same runs (for a program that sleeps for real, such as async_timers, the
  wall-clock ratio has a floor set by its sleeps; the CPU ratio does not);
  peak RSS: `ru_maxrss` of the child from `wait4`, maximum over runs.

%s
""" % (now, mi["cpu"], mi["nproc"], mi["mem"], mi["load"], os.path.relpath(aiopy, ROOT),
       git_rev(), python, pyver, cmd.strip(), args.reps, elapsed, md)


if __name__ == "__main__":
    sys.exit(main())
