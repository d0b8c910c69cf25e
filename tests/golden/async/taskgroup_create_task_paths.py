# TaskGroup.create_task through its native path (src/asyncio/fastops.rs) and
# its Python slow path: names, errors, abort, subclasses, the done-callback.
import asyncio

async def work(i):
    await asyncio.sleep(0)
    return i

async def bad(i):
    await asyncio.sleep(0)
    raise ValueError(i)

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(work(1))
        t2 = tg.create_task(work(2), name="second")
        print(t1.get_name().startswith("Task-"), t2.get_name(), len(tg._tasks))
        print(repr(t1).split(" coro=")[0], repr(t1).endswith("cb=[TaskGroup._on_task_done()]>"))
    print(t1.result(), t2.result(), len(tg._tasks))
    c3 = work(3)
    try:
        tg.create_task(c3)
    except RuntimeError as e:
        c3.close()
        print("RuntimeError", str(e).split(" ")[0])
    tg2 = asyncio.TaskGroup()
    c = work(4)
    try:
        tg2.create_task(c)
    except RuntimeError as e:
        print("RuntimeError", "not been entered" in str(e))
    c.close()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bad(1))
            tg.create_task(work(5))
            await asyncio.sleep(0)
            await asyncio.sleep(0)
            try:
                tg.create_task(work(6))
            except RuntimeError as e:
                print("RuntimeError", "shutting down" in str(e))
    except* ValueError as eg:
        print("eg", eg.exceptions)
    async with asyncio.TaskGroup() as tg:
        try:
            tg.create_task(42)
        except TypeError as e:
            print("TypeError", e)
    class MyTG(asyncio.TaskGroup):
        def create_task(self, coro):
            print("mine")
            return super().create_task(coro)
    async with MyTG() as tg:
        print(await tg.create_task(work(7)))

asyncio.run(main())
