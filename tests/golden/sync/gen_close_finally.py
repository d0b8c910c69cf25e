# Generator close(): GeneratorExit, finally blocks, yielding during close.
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("  finally ran")
g = with_finally()
print(next(g))
g.close()
print("closed once")
g.close()
print("closed twice is fine")
print(next(g, "exhausted"))
def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print("  caught GeneratorExit")
        raise
g = catches_exit()
next(g)
g.close()
def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield "bad"
g = ignores_exit()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e)
def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return "ignored return value"
g = returns_on_exit()
next(g)
print("close returns", g.close())
def unstarted():
    try:
        yield 1
    finally:
        print("  never printed: generator not started")
g = unstarted()
g.close()
print("closed unstarted")
def finally_with_context_managers():
    class CM:
        def __enter__(self):
            print("  enter")
        def __exit__(self, *a):
            print("  exit", a[0].__name__ if a[0] else None)
    with CM():
        yield "inside with"
g = finally_with_context_managers()
print(next(g))
g.close()
def raises_other_on_close():
    try:
        yield
    finally:
        raise ValueError("from finally during close")
g = raises_other_on_close()
next(g)
try:
    g.close()
except ValueError as e:
    print(type(e).__name__, e, "context:", type(e.__context__).__name__)
def nested_try():
    try:
        try:
            yield 1
        finally:
            print("  inner finally")
    finally:
        print("  outer finally")
g = nested_try()
next(g)
g.close()
def loop_gen():
    for i in range(10):
        try:
            yield i
        finally:
            print("  cleanup", i)
g = loop_gen()
print(next(g), next(g))
g.close()
print(issubclass(GeneratorExit, Exception), issubclass(GeneratorExit, BaseException))
def exhausted_finally():
    try:
        yield 1
    finally:
        print("  finally on normal exhaustion")
print(list(exhausted_finally()))
