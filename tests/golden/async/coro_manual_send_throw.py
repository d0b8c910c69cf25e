# Driving coroutines by hand with send()/throw(), no event loop involved.
import types

class Suspend:
    """An awaitable that yields a value to whoever drives the coroutine."""
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        got = yield ("suspend", self.tag)
        print(f"  Suspend({self.tag}) resumed with {got!r}")
        return got * 2 if isinstance(got, int) else got

async def job():
    print("job: start")
    a = await Suspend("a")
    print("job: a =", a)
    try:
        b = await Suspend("b")
    except KeyError as e:
        print("job: caught", repr(e))
        b = -1
    c = await Suspend("c")
    return (a, b, c)

co = job()
print("first send ->", co.send(None))
print("second send ->", co.send(5))
print("throw ->", co.throw(KeyError("boom")))
try:
    co.send(21)
except StopIteration as e:
    print("StopIteration value:", e.value)

# Sending a non-None value to a just-started coroutine is an error.
co2 = job()
try:
    co2.send(1)
except TypeError as e:
    print("TypeError:", e)
co2.close()

# throw() into a fresh coroutine raises at the start, body never runs.
co3 = job()
try:
    co3.throw(ValueError("early"))
except ValueError as e:
    print("ValueError:", e)

# close() while suspended raises GeneratorExit inside it.
async def closer():
    try:
        await Suspend("x")
    finally:
        print("closer: finally runs on close")

co4 = closer()
co4.send(None)
co4.close()
print("closed")

# A coroutine that catches GeneratorExit and suspends again.
async def stubborn():
    try:
        await Suspend("y")
    except GeneratorExit:
        print("stubborn: got GeneratorExit")
        await Suspend("z")

co5 = stubborn()
co5.send(None)
try:
    co5.close()
except RuntimeError as e:
    print("RuntimeError:", e)

# types.coroutine generator-based awaitable
@types.coroutine
def legacy(n):
    got = yield n
    return got + 1

async def uses_legacy():
    return await legacy(10)

co6 = uses_legacy()
print("legacy yielded", co6.send(None))
try:
    co6.send(41)
except StopIteration as e:
    print("legacy result", e.value)
