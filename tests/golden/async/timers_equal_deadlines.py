# Timers with equal deadlines fire in heapq order (not necessarily FIFO).
# Deadlines come from call_at with the same absolute time.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    base = loop.time() + 1.0
    fired = []
    done = loop.create_future()
    for i in range(12):
        loop.call_at(base, fired.append, f"eq{i}")
    print("12 equal timers pushed")
    await asyncio.sleep(1.5)
    print(fired)
    fired.clear()
    # equal deadlines mixed with earlier and later ones
    base = loop.time() + 1.0
    plan = [1.0, 0.5, 1.0, 1.5, 1.0, 0.5, 1.0, 2.0, 1.0, 0.5, 1.0, 1.0]
    for i, d in enumerate(plan):
        loop.call_at(base + d - 1.0, fired.append, f"t{i}@{d}")
    await asyncio.sleep(2.5)
    print(fired)
    fired.clear()
    # equal deadlines pushed in separate passes (heap already holds others)
    base = loop.time() + 1.0
    for i in range(5):
        loop.call_at(base, fired.append, f"p{i}")
        loop.call_at(base + 0.5, fired.append, f"q{i}")
        await asyncio.sleep(0)
    for i in range(5):
        loop.call_at(base, fired.append, f"r{i}")
    await asyncio.sleep(2)
    print(fired)
    fired.clear()
    # sleeps with equal deadlines in tasks
    async def sleeper(n):
        await asyncio.sleep(when - loop.time())
        fired.append(n)
    when = loop.time() + 0.5
    await asyncio.gather(*(sleeper(n) for n in range(9)))
    print(fired)

asyncio.run(main())
