# PriorityQueue returns smallest first; LifoQueue returns last first.
import asyncio
import random

async def main():
    pq = asyncio.PriorityQueue()
    for item in [(5, "e"), (1, "a"), (3, "c"), (2, "b"), (4, "d"), (1, "A")]:
        pq.put_nowait(item)
    print("priority:", [pq.get_nowait() for _ in range(pq.qsize())])
    nums = [random.randint(0, 100) for _ in range(10)]
    print("random input:", nums)
    for n in nums:
        await pq.put(n)
    print("sorted out:", [await pq.get() for _ in range(len(nums))])
    lq = asyncio.LifoQueue()
    for i in range(5):
        lq.put_nowait(i)
    print("lifo:", [lq.get_nowait() for _ in range(5)])
    # priority queue with blocked getters: first getter gets the smallest
    # item present when it runs
    pq2 = asyncio.PriorityQueue()
    async def getter(n):
        v = await pq2.get()
        print(f"getter{n} got {v}")
    ts = [asyncio.create_task(getter(i)) for i in range(3)]
    await asyncio.sleep(0)
    for v in (30, 10, 20):
        pq2.put_nowait(v)
    await asyncio.gather(*ts)
    # bounded LIFO with a blocked putter
    bl = asyncio.LifoQueue(maxsize=2)
    bl.put_nowait("x"); bl.put_nowait("y")
    async def putter():
        await bl.put("z")
        print("z put")
    p = asyncio.create_task(putter())
    await asyncio.sleep(0)
    print("lifo get:", bl.get_nowait())
    await p
    print("lifo rest:", [bl.get_nowait() for _ in range(bl.qsize())])
    # unorderable items in a PriorityQueue raise TypeError at put time
    bad = asyncio.PriorityQueue()
    bad.put_nowait((1, {"a": 1}))
    try:
        bad.put_nowait((1, {"b": 2}))
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
