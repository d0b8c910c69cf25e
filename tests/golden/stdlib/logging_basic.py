import io
import logging
import sys

# Nothing configured: warning and above go to stderr as the bare message
# (the "last resort" handler); send stderr to stdout to see it.
sys.stderr = sys.stdout
lib = logging.getLogger("lib.sub")
lib.warning("last resort %s", "message")
lib.info("not shown")
print(lib, logging.getLogger("lib"), logging.root)
print(logging.getLogger() is logging.root, logging.getLogger("root") is logging.root)
print(lib.parent.name, logging.getLogger("lib").parent.name)
print(logging.getLogger("lib.sub") is lib)
print(logging.getLevelName(10), logging.getLevelName("INFO"), logging.getLevelName(33))
print(logging.WARNING, logging.WARN, logging.FATAL, logging.NOTSET)

logging.basicConfig(level=logging.DEBUG, stream=sys.stdout)
logging.debug("debug %d", 1)
logging.info("info")
logging.warning("warn %s %s", "a", "b")
lib.error("from lib")
lib.critical("crit")
logging.log(25, "custom level")
logging.addLevelName(25, "NOTICE")
logging.log(25, "custom level named")

logging.basicConfig(level=logging.INFO, format="%(name)s|%(levelname)s|%(message)s|%(funcName)s|%(lineno)d|%(module)s|%(filename)s|%(levelno)s", stream=sys.stdout, force=True)


def work():
    logging.getLogger("app").info("in work")


work()
logging.debug("hidden")
logging.getLogger("app").debug("hidden too")

buf = io.StringIO()
h = logging.StreamHandler(buf)
h.setFormatter(logging.Formatter("{levelname:<8}{name}: {message}", style="{"))
app = logging.getLogger("app")
app.addHandler(h)
app.setLevel(logging.DEBUG)
app.debug("to both %s", "handlers")
app.propagate = False
app.info("only buf")
print(repr(buf.getvalue()))
print(app.isEnabledFor(logging.DEBUG), lib.isEnabledFor(logging.DEBUG), app.getEffectiveLevel(), lib.getEffectiveLevel())

child = app.getChild("child")
print(child.name, child.parent is app)
child.warning("child goes to app only")
print(repr(buf.getvalue().splitlines()[-1]))

mid = logging.getLogger("x.y")
deep = logging.getLogger("x.y.z.w")
top = logging.getLogger("x")
print(deep.parent.name, mid.parent.name)
between = logging.getLogger("x.y.z")
print(deep.parent.name, between.parent.name)

out = io.StringIO()
h2 = logging.StreamHandler(out)
h2.setFormatter(logging.Formatter("%(levelname)s:%(message)s"))
h2.setLevel(logging.ERROR)
solo = logging.getLogger("solo")
solo.propagate = False
solo.addHandler(h2)
solo.warning("dropped by handler level")
solo.error("kept")
try:
    raise ZeroDivisionError("zero")
except ZeroDivisionError:
    solo.exception("failed: %s", "boom")
solo.error("with exc_info", exc_info=ValueError("v"))
print(out.getvalue(), end="")


class OnlyOdd(logging.Filter):
    def filter(self, record):
        return not record.args or record.args[0] % 2 == 1


solo.addFilter(OnlyOdd())
for i in range(4):
    solo.error("n=%d", i)
h2.addFilter(lambda r: not r.args or r.args[0] != 3)
for i in range(4):
    solo.error("m=%d", i)
print(out.getvalue().splitlines()[-3:])

rec = logging.makeLogRecord({"msg": "hello %s", "args": ("w",), "levelno": 20, "levelname": "INFO", "name": "made"})
print(rec.getMessage(), rec.name)
f = logging.Formatter("%(message)s / %(custom)s")
r2 = logging.LogRecord("n", logging.INFO, "/a/b/mod.py", 7, "m %(k)s", ({"k": "v"},), None)
r2.custom = "c"
print(f.format(r2), r2.filename, r2.module, r2.pathname, r2.lineno)
print(logging.Formatter("$levelname-$message", style="$").format(r2))
print(logging.Formatter().format(r2))

ad = logging.LoggerAdapter(solo, {"extra_key": 1})
h2.setFormatter(logging.Formatter("%(message)s %(extra_key)s"))
ad.error("adapted %d", 5)
print(out.getvalue().splitlines()[-1])
h2.setFormatter(logging.Formatter("%(levelname)s:%(message)s"))

for bad in ["LOUD", 1.5]:
    try:
        app.setLevel(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
app.setLevel("WARNING")
print(app.level, logging.getLevelName(app.level))
print(repr(h2), repr(logging.NullHandler()))
logging.disable(logging.ERROR)
solo.error("disabled")
solo.critical("critical passes")
logging.disable(logging.NOTSET)
print(out.getvalue().splitlines()[-1])
try:
    logging.basicConfig(stream=sys.stdout, filename="x.log", force=True)
except ValueError as e:
    print(e)
try:
    logging.basicConfig(bogus=1, force=True)
except ValueError as e:
    print(e)

# Times from a record with a fixed creation time (UTC here).
r3 = logging.LogRecord("t", logging.INFO, "t.py", 1, "timed", (), None)
r3.created = 86400.25
r3.msecs = 250.0
print(logging.Formatter("%(asctime)s %(created)f %(msecs)d %(message)s").format(r3))
print(logging.Formatter("[%(asctime)s] %(message)s", datefmt="%H:%M:%S %d/%m/%Y").format(r3))
print(logging.Formatter("{asctime} {msecs:.0f}", style="{").format(r3))
import time
logging.Formatter.converter = time.gmtime
print(logging.Formatter("%(asctime)s").format(r3))
print(type(r3.process).__name__, r3.threadName, r3.processName)
