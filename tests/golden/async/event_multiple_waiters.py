# asyncio.Event: set wakes all waiters in order; clear; wait on set event.
import asyncio

async def waiter(ev, name):
    print(f"{name} waiting (is_set={ev.is_set()})")
    r = await ev.wait()
    print(f"{name} woke, wait returned {r}")

async def main():
    loop = asyncio.get_running_loop()
    ev = asyncio.Event()
    ts = [asyncio.create_task(waiter(ev, f"w{i}")) for i in range(4)]
    await asyncio.sleep(0.1)
    print("setting")
    ev.set()
    print("set done; is_set:", ev.is_set())
    await asyncio.gather(*ts)
    # wait on an already set event returns without blocking
    print("already set:", await ev.wait())
    ev.clear()
    print("cleared; is_set:", ev.is_set())
    # set then clear before waiters run: they still wake
    ts = [asyncio.create_task(waiter(ev, f"x{i}")) for i in range(2)]
    await asyncio.sleep(0)
    ev.set()
    ev.clear()
    await asyncio.sleep(0)
    print("after set+clear: done?", [t.done() for t in ts])
    await asyncio.gather(*ts)
    # wait_for with event and timeout
    ev.clear()
    try:
        await asyncio.wait_for(ev.wait(), timeout=0.2)
    except asyncio.TimeoutError:
        print(f"event wait timed out at {loop.time():.3f}")
    loop.call_later(0.1, ev.set)
    await ev.wait()
    print(f"set by call_later at {loop.time():.3f}")
    print("repr:", repr(ev))

asyncio.run(main())
