# Many timers with equal deadlines and most of them cancelled: asyncio
# rebuilds its timer heap when cancelled handles dominate, which can change
# the firing order of the survivors.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fired = []
    base = loop.time() + 1.0
    handles = []
    for i in range(150):
        handles.append(loop.call_at(base + (i % 3) * 0.001, fired.append, i))
    # cancel 2 out of 3 timers -> more than half cancelled, more than 100 scheduled
    for i, h in enumerate(handles):
        if i % 3 != 0 and i % 7 != 0:
            h.cancel()
    await asyncio.sleep(2)
    print(len(fired), fired)
    # without enough timers there is no rebuild; cancelled ones are lazily dropped
    fired.clear()
    base = loop.time() + 1.0
    handles = [loop.call_at(base, fired.append, i) for i in range(20)]
    for h in handles[::2]:
        h.cancel()
    await asyncio.sleep(2)
    print(len(fired), fired)
    # cancelling twice is harmless
    h = loop.call_later(1, fired.append, "never")
    h.cancel(); h.cancel()
    print("cancelled:", h.cancelled())
    await asyncio.sleep(1.5)
    print("never" in fired)

asyncio.run(main())
