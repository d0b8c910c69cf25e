# TaskGroup: async with waits for all tasks; tasks start when the body yields.
import asyncio

async def work(name, delay):
    print(f"{name} start")
    await asyncio.sleep(delay)
    print(f"{name} end")
    return name.upper()

async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(work("a", 0.3))
        t2 = tg.create_task(work("b", 0.1), name="named-b")
        print("body: tasks created, none started yet")
        await asyncio.sleep(0)
        print("body: after one yield")
        t3 = tg.create_task(work("c", 0.2))
        print("body: leaving the block")
    print(f"after block at {loop.time():.3f}:", t1.result(), t2.result(), t3.result())
    print("names:", t2.get_name())
    # tasks added from inside other tasks of the group
    async def spawner(tg, depth):
        print(f"spawner depth {depth}")
        if depth < 3:
            tg.create_task(spawner(tg, depth + 1))
        await asyncio.sleep(0.1)
        print(f"spawner depth {depth} done")
    async with asyncio.TaskGroup() as tg:
        tg.create_task(spawner(tg, 0))
    print(f"spawners finished at {loop.time():.3f}")
    # empty group
    async with asyncio.TaskGroup() as tg:
        pass
    print("empty group ok", repr(tg).startswith("<TaskGroup"))

asyncio.run(main())
