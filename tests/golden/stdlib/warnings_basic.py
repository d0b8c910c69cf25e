import sys
import warnings

# Shown warnings go to sys.stderr; send them to stdout so the test sees them.
sys.stderr = sys.stdout


def old_api():
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)


def f():
    warnings.warn("careful")


for i in range(3):
    f()
    warnings.warn("loop warning", RuntimeWarning)
old_api()
old_api()
warnings.warn(FutureWarning("instance warning"))

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    f()
    f()
    old_api()
    warnings.warn("bytes!", BytesWarning)
    print(len(w))
    for m in w:
        print(m.category.__name__, str(m.message), m.filename, m.lineno, repr(m.line))
    print(str(w[0]))

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        f()
    except UserWarning as e:
        print("raised", type(e).__name__, e)
    warnings.simplefilter("ignore", UserWarning)
    f()
    try:
        warnings.warn("rt", RuntimeWarning)
    except RuntimeWarning as e:
        print("raised", repr(e))

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("once")
    for i in range(3):
        warnings.warn("once only")
        f()
    print([str(m.message) for m in w])

with warnings.catch_warnings(record=True) as w:
    warnings.filterwarnings("ignore", message="spam")
    warnings.filterwarnings("error", message="boom", category=RuntimeWarning)
    warnings.simplefilter("always", UserWarning, append=True)
    warnings.warn("spam and eggs")
    warnings.warn("Spam again")
    warnings.warn("eggs")
    warnings.warn("boom", UserWarning)
    try:
        warnings.warn("boom now", RuntimeWarning)
    except RuntimeWarning as e:
        print("error filter:", e)
    print([str(m.message) for m in w])


def my_show(message, category, filename, lineno, file=None, line=None):
    print("custom:", category.__name__, message, lineno)


with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.showwarning = my_show
    f()
    warnings.warn_explicit("explicit", UserWarning, "somefile.py", 42)
print(warnings.showwarning is my_show)
print(warnings.formatwarning("msg", UserWarning, "x.py", 3, "  code here  "), end="")
print(warnings.formatwarning("msg", SyntaxWarning, "x.py", 3, ""), end="")

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("pend", PendingDeprecationWarning)
    warnings.resetwarnings()
    warnings.warn("after reset")
    print(len(w), [str(m.message) for m in w])
f()
warnings.warn("module level", UserWarning, stacklevel=1)
