# Coroutine objects: type, names, states, close(), and inspect helpers.
import asyncio
import inspect

async def worker(a, b=2):
    await asyncio.sleep(0)
    return a + b

class Holder:
    async def method(self):
        return "m"

    @staticmethod
    async def smethod():
        return "s"

def outer():
    async def inner():
        return 1
    return inner

c = worker(1)
print(type(c).__name__)
print(c.__name__, c.__qualname__)
print(inspect.iscoroutine(c), asyncio.iscoroutine(c))
print(inspect.iscoroutinefunction(worker), asyncio.iscoroutinefunction(worker))
print(inspect.iscoroutinefunction(lambda: None))
print(inspect.getcoroutinestate(c))
print(c.cr_running, c.cr_frame is not None, c.cr_await)
c.close()
print(inspect.getcoroutinestate(c))
print(c.cr_frame)

h = Holder()
m = h.method()
print(m.__qualname__)
m.close()
s = Holder.smethod()
print(s.__qualname__)
s.close()
i = outer()()
print(i.__qualname__, i.__name__)
i.close()
print(repr(i).startswith("<coroutine object outer.<locals>.inner at 0x"))

# A coroutine closed before it started can't be awaited.
async def main():
    c2 = worker(5)
    c2.close()
    try:
        await c2
    except RuntimeError as e:
        print("RuntimeError:", e)
    c3 = worker(5)
    print(await c3)
    try:
        await c3
    except RuntimeError as e:
        print("RuntimeError:", e)
    # State inside a running coroutine
    async def probe():
        me_state = inspect.getcoroutinestate(holder[0])
        print("inside:", me_state, holder[0].cr_running)
        await asyncio.sleep(0)
    holder = [None]
    holder[0] = probe()
    t = asyncio.ensure_future(holder[0])
    await asyncio.sleep(0)
    print("outside while suspended:", inspect.getcoroutinestate(holder[0]))
    await t
    print("after:", inspect.getcoroutinestate(holder[0]))

asyncio.run(main())
