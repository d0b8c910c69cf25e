#!/usr/bin/env python3
"""Regenerate golden expectations from CPython 3.11.

    python3 tests/regen.py [--all] [FILE_OR_DIR ...]

For each tests/golden/**/NAME.py (or those given) without NAME.out (or all
with --all), run `python3 ../shared/tools/pyref.py --seed 0 NAME.py` in the
file's folder and write NAME.out (stdout) and, for a non-zero exit,
NAME.exit (status) and NAME.err (last non-empty stderr line). In a folder
named `tracebacks`, NAME.stderr too: CPython's whole stderr, with the
program's own path shown as run (`NAME.py`, not absolute) and the `^^^` marker
lines dropped (aiopy does not draw them), compared in full by the harness.
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYREF = os.path.join(ROOT, "..", "shared", "tools", "pyref.py")
if not os.path.exists(PYREF):
    # A git worktree under /work/wt/NAME: the shared tools are two levels up.
    PYREF = os.path.join(ROOT, "..", "..", "shared", "tools", "pyref.py")


def targets(args):
    paths = [a for a in args if not a.startswith("--")] or [os.path.join(ROOT, "tests", "golden")]
    for p in paths:
        if os.path.isdir(p):
            for d, _, files in sorted(os.walk(p)):
                for f in sorted(files):
                    if f.endswith(".py"):
                        yield os.path.join(d, f)
        else:
            yield p


def regen(py):
    d, name = os.path.split(os.path.abspath(py))
    base = os.path.join(d, name[:-3])
    p = subprocess.run([sys.executable, PYREF, "--seed", "0", name], cwd=d, capture_output=True, timeout=60)
    with open(base + ".out", "wb") as f:
        f.write(p.stdout)
    for ext in (".exit", ".err"):
        if os.path.exists(base + ext):
            os.remove(base + ext)
    if p.returncode != 0:
        lines = [l for l in p.stderr.decode(errors="replace").splitlines() if l.strip()]
        with open(base + ".exit", "w") as f:
            f.write(f"{p.returncode}\n")
        with open(base + ".err", "w") as f:
            f.write((lines[-1].strip() if lines else "") + "\n")
    if os.path.basename(d) == "tracebacks":
        with open(base + ".stderr", "w") as f:
            f.write(full_stderr(p.stderr.decode(errors="replace"), d))
    return p.returncode


def full_stderr(text, folder):
    """CPython's stderr as a `tracebacks` golden file keeps it: without
    the frames of pyref.py and runpy, which run the program."""
    text = text.replace(folder + "/", "")
    out = []
    skip_source = False
    for line in text.splitlines(True):
        if skip_source:
            skip_source = False
            if not line.strip().lstrip("|").strip().startswith("File "):
                continue
        if 'pyref.py", line ' in line:
            skip_source = True
            continue
        if 'File "<frozen runpy>"' in line or is_marker_line(line):
            continue
        out.append(line)
    return "".join(out)


def is_marker_line(line):
    """A line of `^`/`~` position markers (possibly inside group margins)."""
    body = line.strip().lstrip("|").strip()
    return bool(body) and set(body) <= set("^~")


def main():
    everything = "--all" in sys.argv
    n = 0
    for py in targets(sys.argv[1:]):
        if everything or not os.path.exists(py[:-3] + ".out"):
            regen(py)
            n += 1
    print(f"regenerated {n} file(s)")


if __name__ == "__main__":
    main()
