# Queue.put_nowait/get_nowait/task_done/qsize/empty/full and
# Event.set/clear/is_set: results, the errors they raise, keyword and
# wrong-count calls, subclasses and shadowing instance attributes.
import asyncio


def state(e):
    return repr(e).split(" [")[1]


def show(f, *args, **kw):
    try:
        print("  ->", repr(f(*args, **kw)))
    except Exception as e:
        print("  !!", type(e).__name__, e)


async def queue_plain():
    q = asyncio.Queue(maxsize=2)
    print(q.qsize(), q.empty(), q.full())
    show(q.put_nowait, 1)
    show(q.put_nowait, item=2)
    print(q.qsize(), q.empty(), q.full(), q)
    show(q.put_nowait, 3)
    show(q.get_nowait)
    show(q.get_nowait)
    show(q.get_nowait)
    show(q.task_done)
    show(q.task_done)
    show(q.task_done)
    show(q.put_nowait)
    show(q.put_nowait, 1, 2)
    show(q.qsize, 1)
    show(asyncio.Queue.qsize, q)
    show(asyncio.Queue.empty)
    u = asyncio.Queue(maxsize=0)
    for i in range(5):
        u.put_nowait(i)
    print(u.full(), u.qsize(), u)
    neg = asyncio.Queue(maxsize=-1)
    neg.put_nowait(0)
    print(neg.full(), neg)


async def join_and_task_done():
    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    order = []

    async def joiner(name):
        await q.join()
        order.append(name)

    js = [asyncio.create_task(joiner(n)) for n in "abc"]
    await asyncio.sleep(0)
    while not q.empty():
        q.get_nowait()
        q.task_done()
        await asyncio.sleep(0)
        print("unfinished", q._unfinished_tasks, order, q._finished.is_set())
    await asyncio.gather(*js)
    print(order)
    await q.join()
    print("joined again")


async def event_plain():
    e = asyncio.Event()
    print(e.is_set(), state(e))
    got = []

    async def w(name):
        got.append((name, await e.wait()))

    ts = [asyncio.create_task(w(n)) for n in "xyz"]
    await asyncio.sleep(0)
    print(state(e))
    show(e.set)
    show(e.set)
    print(e.is_set(), state(e))
    await asyncio.gather(*ts)
    print(got)
    show(e.clear)
    print(e.is_set())
    show(e.set, 1)
    show(asyncio.Event.is_set)
    # a waiter cancelled before set(): set() skips its done future
    t = asyncio.create_task(e.wait())
    t2 = asyncio.create_task(e.wait())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    e.set()
    print(t.cancelled(), await t2)


class CountingQueue(asyncio.Queue):
    calls = 0

    def qsize(self):
        CountingQueue.calls += 1
        return super().qsize()


class LoudEvent(asyncio.Event):
    def set(self):
        print("  LoudEvent.set")
        super().set()


async def overrides():
    q = CountingQueue(maxsize=1)
    q.put_nowait("a")
    print(q.full(), q.empty(), q.get_nowait(), CountingQueue.calls)
    e = LoudEvent()
    e.set()
    print(e.is_set())
    q2 = asyncio.Queue()
    q2.qsize = lambda: 42          # instance attribute shadows the method
    print(q2.empty(), q2.full(), q2.qsize())
    q3 = asyncio.Queue()
    q3._finished = LoudEvent()     # task_done calls its set()
    q3.put_nowait(1)
    q3.get_nowait()
    q3.task_done()
    q4 = asyncio.Queue()
    q4._unfinished_tasks = 1.0     # not an int: the Python method
    q4.task_done()
    print(q4._unfinished_tasks)


async def main():
    for f in (queue_plain, join_and_task_done, event_plain, overrides):
        print("--", f.__name__)
        await f()
    print(asyncio.Queue.put_nowait.__name__, asyncio.Queue.put_nowait.__qualname__)


asyncio.run(main())
