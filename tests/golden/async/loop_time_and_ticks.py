# loop.time() under the virtual clock: every loop pass costs 1 microsecond,
# and idle waits jump straight to the next timer.
import asyncio
import time

def us(loop):
    return round(loop.time() * 1e6)

async def main():
    loop = asyncio.get_running_loop()
    print("first step at us:", us(loop))
    for i in range(3):
        await asyncio.sleep(0)
        print(f"after sleep(0) #{i}: us={us(loop)}")
    await asyncio.sleep(0.25)
    print(f"after sleep(0.25): {loop.time():.6f}")
    t0 = loop.time()
    async def spinner(n):
        for _ in range(n):
            await asyncio.sleep(0)
    await asyncio.gather(spinner(5), spinner(10))
    print("passes for gather(spinner(5), spinner(10)):", round((loop.time() - t0) * 1e6))
    print("time.monotonic matches loop.time:", time.monotonic() == loop.time())
    print("time.time offset:", f"{time.time() - loop.time():.1f}")
    t0 = loop.time()
    time.sleep(2)   # blocking sleep moves the virtual clock instantly
    print(f"blocking sleep advanced {loop.time() - t0:.3f}")
    t0 = loop.time()
    await asyncio.sleep(1)
    print(f"await sleep(1) advanced {loop.time() - t0:.6f}")

asyncio.run(main())
