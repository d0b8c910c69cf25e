# Sleeps and call_later callbacks with the same deadlines, scheduled in the
# same pass: their relative order follows the timer heap.
import asyncio

async def sleeper(name, d, log):
    await asyncio.sleep(d)
    log.append(f"task {name}")

async def main():
    loop = asyncio.get_running_loop()
    log = []
    tasks = []
    for i, d in enumerate([0.2, 0.1, 0.2, 0.1, 0.3]):
        tasks.append(asyncio.create_task(sleeper(f"s{i}", d, log)))
    await asyncio.sleep(0)   # let the sleepers register their timers
    now = loop.time()
    for i, d in enumerate([0.1, 0.2, 0.1, 0.3]):
        loop.call_at(now + d, log.append, f"cb c{i}")
    await asyncio.gather(*tasks)
    await asyncio.sleep(0.1)
    print(log)
    # timer callbacks run in the pass where they become due, before tasks
    # woken by them
    log.clear()
    fut = loop.create_future()
    loop.call_later(0.1, fut.set_result, "x")
    loop.call_later(0.1, log.append, "second timer")
    async def w():
        await fut
        log.append("waiter woke")
    wt = asyncio.create_task(w())
    await asyncio.sleep(0.1)
    log.append("main woke")
    await wt
    print(log)

asyncio.run(main())
