# Common pattern: queue.get() under wait_for / timeout.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue()
    loop.call_later(0.3, q.put_nowait, "late item")
    for attempt in range(3):
        try:
            item = await asyncio.wait_for(q.get(), timeout=0.2)
            print(f"attempt {attempt}: got {item!r} at {loop.time():.3f}")
        except asyncio.TimeoutError:
            print(f"attempt {attempt}: timeout at {loop.time():.3f}, qsize={q.qsize()}")
    # timed-out getters are removed; the next put goes to the live getter
    async def patient():
        return await q.get()
    p = asyncio.create_task(patient())
    try:
        async with asyncio.timeout(0.1):
            await q.get()
    except TimeoutError:
        print("impatient getter timed out")
    q.put_nowait("for patient")
    print("patient got:", await p)
    print("queue empty:", q.empty())

asyncio.run(main())
