# gather returns results in argument order, not completion order.
import asyncio

async def work(name, delay):
    print(f"{name} start")
    await asyncio.sleep(delay)
    print(f"{name} end")
    return f"{name}:{delay}"

async def main():
    loop = asyncio.get_running_loop()
    res = await asyncio.gather(work("a", 0.3), work("b", 0.1), work("c", 0.2), work("d", 0))
    print(res, f"{loop.time():.3f}")
    # mixing tasks, coroutines and futures
    t = asyncio.create_task(work("task", 0.05))
    f = loop.create_future()
    loop.call_later(0.15, f.set_result, "future-result")
    res = await asyncio.gather(work("coro", 0.1), f, t)
    print(res)
    # gather returns a future; the children are wrapped as tasks immediately
    g = asyncio.gather(work("x", 0.1), work("y", 0.1))
    print("gather object type:", type(g).__name__, "done:", g.done())
    print(await g)
    # nested gathers
    res = await asyncio.gather(
        asyncio.gather(work("n1", 0.2), work("n2", 0.1)),
        work("n3", 0.15),
    )
    print(res)

asyncio.run(main())
