# timeout_at with absolute deadlines from loop.time().
import asyncio

async def job(name, dur):
    await asyncio.sleep(dur)
    return name

async def main():
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 1.0
    results = []
    for name, dur in [("a", 0.3), ("b", 0.4), ("c", 0.5), ("d", 0.1)]:
        try:
            async with asyncio.timeout_at(deadline):
                results.append(await job(name, dur))
        except TimeoutError:
            results.append(f"{name}:timeout")
        print(f"{name} at {loop.time():.3f}")
    print(results)
    # deadline already passed
    try:
        async with asyncio.timeout_at(loop.time() - 5) as cm:
            await asyncio.sleep(0)
    except TimeoutError:
        print("past deadline expired:", cm.expired())
    # when() matches what was given
    async with asyncio.timeout_at(loop.time() + 2) as cm:
        print("when-now:", f"{cm.when() - loop.time():.3f}")

asyncio.run(main())
