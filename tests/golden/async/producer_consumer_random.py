# Producers and consumers with random timing from the seeded generator.
import asyncio
import random

async def producer(q, name, n):
    for i in range(n):
        await asyncio.sleep(random.uniform(0.01, 0.2))
        item = (name, i, random.randint(1, 9))
        await q.put(item)
        print(f"{asyncio.get_running_loop().time():.4f} {name} put {item} qsize={q.qsize()}")

async def consumer(q, name, totals):
    while True:
        item = await q.get()
        try:
            if item is None:
                print(f"{name} stopping")
                return
            await asyncio.sleep(item[2] / 50)
            totals[name] = totals.get(name, 0) + item[2]
            print(f"{asyncio.get_running_loop().time():.4f} {name} handled {item}")
        finally:
            q.task_done()

async def main():
    q = asyncio.Queue(maxsize=3)
    totals = {}
    consumers = [asyncio.create_task(consumer(q, f"c{i}", totals)) for i in range(2)]
    await asyncio.gather(*(producer(q, f"p{i}", 4) for i in range(3)))
    await q.join()
    for _ in consumers:
        await q.put(None)
    await asyncio.gather(*consumers)
    print("totals:", sorted(totals.items()))

asyncio.run(main())
