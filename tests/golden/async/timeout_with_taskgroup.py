# asyncio.timeout around a TaskGroup: children are cancelled, TimeoutError out.
import asyncio

# TaskGroup cancels its tasks in set order (unspecified): collect the names
# of cancelled children and print them sorted.
cancelled = []

async def child(name, d):
    try:
        await asyncio.sleep(d)
        print(f"{name} done")
        return name
    except asyncio.CancelledError:
        cancelled.append(name)
        raise

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.5):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(child("fast", 0.2))
                tg.create_task(child("slow", 2))
                tg.create_task(child("slower", 3))
    except TimeoutError:
        print(f"TimeoutError at {loop.time():.3f}; cancelled {sorted(cancelled)}")
    cancelled.clear()
    # TaskGroup inside a task with wait_for
    async def grouped():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("g1", 1))
            tg.create_task(child("g2", 0.1))
        return "group finished"
    try:
        print(await asyncio.wait_for(grouped(), 0.5))
    except asyncio.TimeoutError:
        print(f"wait_for TimeoutError at {loop.time():.3f}; cancelled {sorted(cancelled)}")
    print(await asyncio.wait_for(grouped(), 5))

asyncio.run(main())
