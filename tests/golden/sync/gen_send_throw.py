# Generator send() and throw().
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total
acc = accumulator()
print(next(acc))
print(acc.send(10))
print(acc.send(5))
try:
    acc.send(None)
except StopIteration as e:
    print("final", e.value)
fresh = accumulator()
try:
    fresh.send(1)
except TypeError as e:
    print(type(e).__name__, e)
print(fresh.send(None))
def resilient():
    while True:
        try:
            x = yield
            print("  got", x)
        except ValueError as e:
            print("  handled ValueError", e)
        except GeneratorExit:
            print("  GeneratorExit")
            raise
r = resilient()
next(r)
r.send(1)
r.throw(ValueError("bad value"))
r.send(2)
r.throw(ValueError, "class with arg") if False else r.throw(ValueError("again"))
try:
    r.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated", repr(e))
try:
    r.send(3)
except StopIteration:
    print("generator is finished after unhandled throw")
def yields_from_throw():
    try:
        yield "first"
    except RuntimeError:
        yield "from except"
    yield "after"
g = yields_from_throw()
print(next(g))
print(g.throw(RuntimeError))
print(next(g))
def not_started():
    print("  body never runs")
    yield
ns = not_started()
try:
    ns.throw(IndexError("before start"))
except IndexError as e:
    print("throw into unstarted:", repr(e))
print(next(ns, "exhausted"))
def finished():
    yield 1
fg = finished()
list(fg)
try:
    fg.throw(ValueError("into finished"))
except ValueError as e:
    print("throw into finished re-raises:", e)
def coroutine_avg():
    total = count = 0
    avg = None
    while True:
        v = yield avg
        total += v
        count += 1
        avg = total / count
ca = coroutine_avg()
next(ca)
print([ca.send(v) for v in (10, 20, 30, 40)])
def two_way():
    received = []
    for i in range(3):
        got = yield i
        received.append(got)
    return received
tw = two_way()
out = [next(tw)]
try:
    while True:
        out.append(tw.send(f"s{out[-1]}"))
except StopIteration as e:
    print(out, e.value)
def throw_returns():
    try:
        yield
    except ValueError:
        return "returned after throw"
tr = throw_returns()
next(tr)
try:
    tr.throw(ValueError)
except StopIteration as e:
    print("StopIteration value:", e.value)
def tb_check():
    try:
        yield
    except Exception as e:
        yield type(e).__name__, str(e)
t = tb_check()
next(t)
print(t.throw(TypeError("typed")))
