# asyncio.wait with a timeout (pending tasks are not cancelled) and bad input.
import asyncio

async def work(name, delay):
    try:
        await asyncio.sleep(delay)
        print(f"{name} done")
        return name
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise

def names(tasks):
    return sorted(t.get_name() for t in tasks)

async def main():
    loop = asyncio.get_running_loop()
    ts = [asyncio.create_task(work(f"t{i}", 0.25 * i), name=f"t{i}") for i in range(1, 6)]
    done, pending = await asyncio.wait(ts, timeout=0.6)
    print(f"at {loop.time():.3f}: done={names(done)} pending={names(pending)}")
    done, pending = await asyncio.wait(pending, timeout=0.3)
    print(f"at {loop.time():.3f}: done={names(done)} pending={names(pending)}")
    for t in sorted(pending, key=lambda t: t.get_name()):
        t.cancel()
    await asyncio.wait(pending)
    print("cancelled:", sorted(t.get_name() for t in ts if t.cancelled()))
    # timeout=0 polls
    t = asyncio.create_task(work("poll", 0.1), name="poll")
    done, pending = await asyncio.wait([t], timeout=0)
    print(f"timeout=0: done={names(done)} pending={names(pending)} at {loop.time():.6f}")
    await t
    # errors
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)
    try:
        await asyncio.wait(ts, return_when="SOMETIMES")
    except ValueError as e:
        print("ValueError:", e)
    c = work("coro", 0)
    try:
        await asyncio.wait([c])
    except TypeError as e:
        print("TypeError:", e)
    c.close()

asyncio.run(main())
