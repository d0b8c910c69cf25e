# asyncio.sleep(delay, result) returns result; negative delays; types.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.sleep(0, "zero"))
    print(await asyncio.sleep(0.5, result=[1, 2]), f"{loop.time():.3f}")
    print(await asyncio.sleep(0.1))
    t0 = loop.time()
    print(await asyncio.sleep(-3, "negative"), f"elapsed {loop.time() - t0:.3f}")
    print(await asyncio.sleep(True, "bool delay"), f"{loop.time():.3f}")
    obj = object()
    print(await asyncio.sleep(0.01, obj) is obj)
    try:
        await asyncio.sleep("1")
    except TypeError as e:
        print("TypeError:", e)
    t = asyncio.create_task(asyncio.sleep(0.3, "task-result"))
    print(await t)
    res = await asyncio.gather(*(asyncio.sleep(d / 10, d) for d in (3, 1, 2)))
    print(res, f"{loop.time():.3f}")

asyncio.run(main())
