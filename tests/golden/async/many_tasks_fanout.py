# Hundreds of tasks: order of completion follows sleeps, then creation order.
import asyncio

async def unit(i, log):
    await asyncio.sleep((i % 5) * 0.01)
    log.append(i)
    for _ in range(i % 3):
        await asyncio.sleep(0)
    return i * i

async def main():
    log = []
    tasks = [asyncio.create_task(unit(i, log)) for i in range(300)]
    results = await asyncio.gather(*tasks)
    print(sum(results), results[:5], results[-3:])
    print(log[:20])
    print(log[-20:])
    print(len(asyncio.all_tasks()))
    # sleep(0) round robin among many tasks
    order = []
    async def rr(i):
        for r in range(3):
            order.append((r, i))
            await asyncio.sleep(0)
    await asyncio.gather(*(rr(i) for i in range(50)))
    print(order == sorted(order), order[:4], order[-2:])

asyncio.run(main())
