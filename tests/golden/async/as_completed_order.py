# as_completed yields awaitables in completion order.
import asyncio
import random

async def work(name, delay):
    await asyncio.sleep(delay)
    return name, round(delay, 4)

async def main():
    loop = asyncio.get_running_loop()
    coros = [work(f"job{i}", d) for i, d in enumerate([0.5, 0.1, 0.4, 0.2, 0.3])]
    for i, aw in enumerate(asyncio.as_completed(coros)):
        res = await aw
        print(i, res, f"{loop.time():.3f}")
    # random delays (seeded by the runner)
    delays = [random.uniform(0.01, 1.0) for _ in range(8)]
    print("delays:", [round(d, 4) for d in delays])
    order = []
    for aw in asyncio.as_completed([work(f"r{i}", d) for i, d in enumerate(delays)]):
        order.append((await aw)[0])
    print("completion order:", order)
    # with timeout
    try:
        for aw in asyncio.as_completed([work("quick", 0.1), work("slow", 5)], timeout=1):
            print("got", await aw)
    except asyncio.TimeoutError:
        print(f"as_completed timed out at {loop.time():.3f}")
    # exception comes out of the awaitable
    async def bad():
        await asyncio.sleep(0.05)
        raise LookupError("bad one")
    for aw in asyncio.as_completed([work("good", 0.1), bad()]):
        try:
            print("ok:", await aw)
        except LookupError as e:
            print("error:", e)
    # Equal delays. as_completed puts its arguments in a set, so pass tasks
    # created in a known order (coroutines would be wrapped in set order).
    # Equal-deadline timers fire in heapq order, which is not FIFO.
    tasks = [asyncio.create_task(work(c, 0.2)) for c in "pqrstu"]
    print([(await aw)[0] for aw in asyncio.as_completed(tasks)])

asyncio.run(main())
