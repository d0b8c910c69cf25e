# A three-stage pipeline connected by bounded queues.
import asyncio

async def source(out_q, n):
    for i in range(n):
        await out_q.put(i)
        print(f"source -> {i}")
    await out_q.put(None)

async def stage(name, in_q, out_q, fn, delay):
    while True:
        item = await in_q.get()
        if item is None:
            await out_q.put(None)
            print(f"{name} finished")
            return
        await asyncio.sleep(delay)
        res = fn(item)
        await out_q.put(res)
        print(f"{name}: {item} -> {res}")

async def sink(in_q, results):
    while (item := await in_q.get()) is not None:
        results.append(item)
    print("sink finished")

async def main():
    loop = asyncio.get_running_loop()
    q1, q2, q3 = asyncio.Queue(2), asyncio.Queue(1), asyncio.Queue(1)
    results = []
    await asyncio.gather(
        source(q1, 6),
        stage("double", q1, q2, lambda x: x * 2, 0.1),
        stage("inc", q2, q3, lambda x: x + 1, 0.15),
        sink(q3, results),
    )
    print(results, f"t={loop.time():.3f}")

asyncio.run(main())
