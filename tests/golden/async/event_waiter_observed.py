# What Python code sees of tasks parked on an Event, a Lock and a plain
# future: the waiter futures, their callbacks, task reprs, cancellation,
# set()/clear() before the waiters run, FIFO wake order.
import asyncio
import re


def clean(s):
    return re.sub(r" at 0x[0-9a-f]+", " at 0x?", re.sub(r"id=0x[0-9a-f]+", "id=0x?", s))


async def waiter(ev, name, log):
    r = await ev.wait()
    log.append((name, r))
    return name


async def on_future(fut, log):
    try:
        r = await fut
        log.append(("fut", r))
    except asyncio.CancelledError:
        log.append(("fut", "cancelled"))
        raise


async def main():
    ev = asyncio.Event()
    log = []
    tasks = [asyncio.create_task(waiter(ev, f"w{i}", log), name=f"w{i}") for i in range(4)]
    await asyncio.sleep(0)
    print(clean(repr(ev)))
    print(len(ev._waiters), [type(f).__name__ for f in ev._waiters])
    w0 = ev._waiters[0]
    print(clean(repr(w0)))
    print(tasks[0]._fut_waiter is w0)
    print(clean(repr(tasks[0])))
    # A second callback on a waiter future, then removed again.
    def extra(f):
        log.append(("extra", f.result()))
    w0.add_done_callback(extra)
    print(clean(repr(w0)))
    print(w0.remove_done_callback(extra))
    print(clean(repr(w0)))
    w0.add_done_callback(extra)
    # Cancel one waiter: its future goes, the others stay in order.
    tasks[2].cancel()
    await asyncio.sleep(0)
    print(tasks[2].cancelled(), len(ev._waiters), clean(repr(ev)))
    # set() then clear() before anyone runs: every waiter still wakes.
    ev.set()
    print([f.done() for f in ev._waiters], clean(repr(w0)))
    ev.clear()
    print(len(ev._waiters), clean(repr(ev)))
    done = await asyncio.gather(*tasks, return_exceptions=True)
    print([d if isinstance(d, str) else type(d).__name__ for d in done])
    print(log)
    print(len(ev._waiters), clean(repr(ev)))

    # A future with one task waiting, then a done callback added: wake-up
    # first, then the callback, in that order.
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t = asyncio.create_task(on_future(fut, log))
    await asyncio.sleep(0)
    print(clean(repr(fut)))
    fut.add_done_callback(lambda f: log.append(("cb", f.result())))
    fut.add_done_callback(lambda f: log.append(("cb2", f.result())))
    print(clean(repr(fut)))
    fut.set_result(7)
    print(clean(repr(fut)))
    await t
    print(log[-3:])

    # Two tasks on one future; cancel the future.
    fut = loop.create_future()
    t1 = asyncio.create_task(on_future(fut, log))
    t2 = asyncio.create_task(on_future(fut, log))
    await asyncio.sleep(0)
    print(clean(repr(fut)))
    fut.cancel()
    await asyncio.gather(t1, t2, return_exceptions=True)
    print(log[-2:], t1.cancelled(), t2.cancelled())

    # A wait that is cancelled through wait_for's timeout.
    ev2 = asyncio.Event()
    try:
        await asyncio.wait_for(ev2.wait(), 0.01)
    except asyncio.TimeoutError:
        print("timeout", len(ev2._waiters), clean(repr(ev2)))

    # ev.wait() coroutine objects: close before start, reuse.
    c = ev2.wait()
    print(clean(repr(c)))
    c.close()
    try:
        c.send(None)
    except RuntimeError as e:
        print("RuntimeError", e)
    ev2.set()
    c = ev2.wait()
    try:
        c.send(None)
    except StopIteration as e:
        print("StopIteration", e.value)
    try:
        c.send(None)
    except RuntimeError as e:
        print("RuntimeError", e)

    # Lock waiters: FIFO, the futures seen through _waiters.
    lock = asyncio.Lock()
    order = []

    async def locker(i):
        async with lock:
            order.append(i)
            await asyncio.sleep(0)

    await lock.acquire()
    ts = [asyncio.create_task(locker(i)) for i in range(3)]
    await asyncio.sleep(0)
    print(clean(repr(lock)), clean(repr(lock._waiters[0])))
    lock.release()
    await asyncio.gather(*ts)
    print(order, clean(repr(lock)))


asyncio.run(main())
