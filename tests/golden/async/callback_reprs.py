# How asyncio shows callbacks in Handle, TimerHandle and Future reprs:
# qualname, arguments through reprlib.repr, partials, wrapped functions,
# bound methods (no source), callable objects; and reprlib itself.
import asyncio
import functools
import reprlib
from collections import deque


def clean(s):
    return s.replace(__file__, "FILE")


def plain(*a, **k):
    pass


def deco(f):
    @functools.wraps(f)
    def inner(*a, **k):
        return f(*a, **k)
    return inner


@deco
def decorated(x):
    pass


class Obj:
    def method(self, x):
        pass

    def __call__(self, *a):
        pass

    def __repr__(self):
        return "<Obj " + "x" * 40 + ">"


async def main():
    loop = asyncio.get_running_loop()
    callbacks = [
        (plain, ()),
        (plain, (1, "two", 3.5, None, True)),
        (plain, ("s" * 100, list(range(10)), {"k%d" % i: i for i in range(6)})),
        (plain, (10 ** 60, -(10 ** 45), (1,), (), [], {}, set(), frozenset(), {3, 1, 2})),
        (plain, (deque(range(9)), [[[[[[[[1]]]]]]]], {1: {2: {3: {4: {5: {6: {7: 8}}}}}}})),
        (functools.partial(plain, 1, k="v"), (2,)),
        (functools.partial(functools.partial(plain, "a"), "b"), ()),
        (decorated, (1,)),
        (Obj().method, (Obj(),)),
        (Obj(), ()),
        (print, ("x",)),
        (lambda: None, ()),
        (len, ([1, 2],)),
    ]
    for cb, args in callbacks:
        h = loop.call_soon(cb, *args)
        print(clean(repr(h)))
        h.cancel()
        print(clean(repr(h)))
    t = loop.call_later(100, plain, "late")
    print(clean(repr(t)).split(" when=")[0])
    t.cancel()

    fut = loop.create_future()
    print(repr(fut))
    fut.add_done_callback(plain)
    print(clean(repr(fut)))
    fut.add_done_callback(functools.partial(plain, 1))
    print(clean(repr(fut)))
    fut.add_done_callback(Obj().method)
    fut.add_done_callback(print)
    print(clean(repr(fut)))
    fut.set_result(None)
    await asyncio.sleep(0)

    task = asyncio.create_task(asyncio.sleep(0))
    task.add_done_callback(decorated)
    print(clean(repr(task)).split(" cb=")[1])
    await task


print(reprlib.repr("a" * 100), reprlib.repr(list(range(100))), reprlib.repr(2 ** 200))
print(reprlib.repr({"b": 1, "a": 2, 3: 4}), reprlib.repr(frozenset({5, 4})), reprlib.repr(Obj()))
r = reprlib.Repr()
r.maxlist = 2
r.maxstring = 10
print(r.repr([1, 2, 3]), r.repr("abcdefghijklmnop"), r.repr(("x",)))


class Node:
    def __init__(self):
        self.children = [self]

    @reprlib.recursive_repr()
    def __repr__(self):
        return "Node(%r)" % (self.children,)


print(Node())
asyncio.run(main())
