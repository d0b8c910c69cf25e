"""Differential testing of aiopy's front end against CPython 3.11.

    python3 tools/compare.py errors SNIPPETS.py   # SNIPPETS.py defines srcs = [...]
    python3 tools/compare.py ast FILE_OR_DIR...    # compare AST dumps

Needs `cargo build --example pyfront` first (uses target/debug/examples/pyfront).
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import cpy_dump  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = os.path.join(HERE, '..', 'target', 'debug', 'examples', 'pyfront')


def cpython_error(src, mode):
    try:
        compile(src, 'x.py', mode, dont_inherit=True)
        return 'OK'
    except SyntaxError as e:
        return '%s|%s|%s|%s' % (type(e).__name__, e.msg, e.lineno, e.offset)
    except ValueError as e:
        return 'ValueError|%s' % e


COMPILER_ONLY = ("outside function", "outside loop", "not properly in loop", "nonlocal declaration",
                 "duplicate argument", "can't use starred expression", "starred assignment target",
                 "name capture", "multiple starred names", "mapping pattern checks", "keyword argument repeated",
                 "'await' outside", "'yield' outside", "'return' outside", "no binding for nonlocal",
                 "is assigned to before", "is used prior to", "wildcard makes remaining", "__debug__",
                 "is parameter and", "is nonlocal and global")


def errors(path):
    ns = {}
    exec(open(path).read(), ns)
    srcs = ns['srcs']
    items = [(s, 'exec') if isinstance(s, str) else (s[0], s[1]) for s in srcs]
    with tempfile.NamedTemporaryFile('w', delete=False, suffix='.txt') as f:
        for s, mode in items:
            f.write('%s %s\n' % (mode, s.encode('utf-8').hex()))
        name = f.name
    out = subprocess.run([BIN, 'errors', name], capture_output=True, text=True).stdout.splitlines()
    bad = 0
    for (s, mode), mine in zip(items, out):
        want = cpython_error(s, mode)
        if any(c in want for c in COMPILER_ONLY):
            want = 'OK'
        got = mine if mine == 'OK' else '|'.join(mine.split('|')[:4])
        if got != want:
            bad += 1
            print('MISMATCH %r\n   cpython: %s\n   aiopy:   %s' % (s, want, mine))
    print('%d/%d match' % (len(items) - bad, len(items)))


def files(args):
    for a in args:
        if os.path.isdir(a):
            for root, _, names in os.walk(a):
                for n in sorted(names):
                    if n.endswith('.py'):
                        yield os.path.join(root, n)
        else:
            yield a


def asts(args):
    total = bad = 0
    for path in files(args):
        try:
            with open(path, encoding='utf-8') as f:
                src = f.read()
            want = cpy_dump.dump(src)
        except Exception:
            continue  # CPython rejects it (or not UTF-8): skip
        total += 1
        got = subprocess.run([BIN, 'dump', path], capture_output=True, text=True).stdout
        if got != want:
            bad += 1
            wl, gl = want.splitlines(), got.splitlines()
            for i, (a, b) in enumerate(zip(wl, gl)):
                if a != b:
                    print('DIFF %s line %d\n  cpython: %s\n  aiopy:   %s' % (path, i, a[:300], b[:300]))
                    break
            else:
                print('DIFF %s (length %d vs %d)' % (path, len(wl), len(gl)))
    print('%d/%d files identical' % (total - bad, total))


if __name__ == '__main__':
    if sys.argv[1] == 'errors':
        errors(sys.argv[2])
    else:
        asts(sys.argv[2:])
