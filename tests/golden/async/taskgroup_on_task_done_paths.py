# TaskGroup._on_task_done (the done callback of each task): tasks ending
# with a result, cancelled, or raising; the group's __aexit__ woken when
# the last task ends; a subclass overriding it; tasks from a custom task
# factory; the callback as shown in a task's repr.
import asyncio


async def ok(x, delay=0):
    await asyncio.sleep(delay)
    return x


async def boom(delay):
    await asyncio.sleep(delay)
    raise ValueError(f"boom{delay}")


async def basics():
    async with asyncio.TaskGroup() as tg:
        ts = [tg.create_task(ok(i, i % 3)) for i in range(6)]
        print(repr(ts[0]).split(" cb=")[1])
        print(len(tg._tasks), tg)
    print([t.result() for t in ts], len(tg._tasks), tg)


async def errors():
    try:
        async with asyncio.TaskGroup() as tg:
            a = tg.create_task(ok("a", 5))
            b = tg.create_task(boom(1))
            c = tg.create_task(boom(1))
            d = tg.create_task(ok("d", 0))
    except* ValueError as eg:
        print("errors", sorted(str(e) for e in eg.exceptions))
    print(a.cancelled(), b.done(), c.done(), d.result(), len(tg._tasks), tg._errors)


class LoggingGroup(asyncio.TaskGroup):
    def _on_task_done(self, task):
        print("  done:", task.get_name(), task.cancelled() or task.exception() or task.result())
        super()._on_task_done(task)


async def subclass():
    try:
        async with LoggingGroup() as tg:
            tg.create_task(ok(1), name="one")
            tg.create_task(boom(0), name="two")
            tg.create_task(ok(3, 1), name="three")
    except* ValueError as eg:
        print("caught", eg.exceptions)


class MyTask(asyncio.Task):
    pass


async def custom_factory():
    loop = asyncio.get_running_loop()
    loop.set_task_factory(lambda loop, coro: MyTask(coro, loop=loop))
    try:
        async with asyncio.TaskGroup() as tg:
            t1 = tg.create_task(ok("x"))
            t2 = tg.create_task(boom(0))
    except* ValueError as eg:
        print("factory", type(t1).__name__, t1.result(), [str(e) for e in eg.exceptions])
    finally:
        loop.set_task_factory(None)


async def direct_calls():
    tg = asyncio.TaskGroup()
    try:
        tg._on_task_done(object())
    except Exception as e:
        print(type(e).__name__, e)
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(ok(7))
    tg._on_task_done(t)     # again: nothing left to do
    print(len(tg._tasks), t.result())


async def cancelled_parent():
    async def body():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok(1, 10))
            tg.create_task(ok(2, 10))
            await asyncio.sleep(10)
    t = asyncio.create_task(body())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("parent cancelled", t.cancelled())


async def main():
    for f in (basics, errors, subclass, custom_factory, direct_calls, cancelled_parent):
        print("--", f.__name__)
        await f()


asyncio.run(main())
