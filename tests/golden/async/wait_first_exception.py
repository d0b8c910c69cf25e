# asyncio.wait(return_when=FIRST_EXCEPTION); without an exception it waits
# for all of them.
import asyncio

async def work(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        print(f"{name} raising")
        raise ValueError(name)
    print(f"{name} ok")
    return name

def names(tasks):
    return sorted(t.get_name() for t in tasks)

async def main():
    loop = asyncio.get_running_loop()
    ts = [asyncio.create_task(work(n, d, f), name=n) for n, d, f in
          [("a", 0.1, False), ("b", 0.2, True), ("c", 0.3, False), ("d", 0.4, True)]]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(f"at {loop.time():.3f}: done={names(done)} pending={names(pending)}")
    for t in sorted(done, key=lambda t: t.get_name()):
        print(" ", t.get_name(), repr(t.exception()))
    done, pending = await asyncio.wait(pending)
    print(f"at {loop.time():.3f}: done={names(done)} pending={names(pending)}")
    for t in ts:
        t.exception()
    # no failures: behaves like ALL_COMPLETED
    ts = [asyncio.create_task(work(n, d), name=n) for n, d in [("x", 0.2), ("y", 0.1)]]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(f"at {loop.time():.3f}: done={names(done)} pending={names(pending)}")
    # a task that is already failed
    ts = [asyncio.create_task(work("z", 0, True), name="z")]
    await asyncio.sleep(0.01)
    ts.append(asyncio.create_task(work("w", 1), name="w"))
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(f"at {loop.time():.3f}: done={names(done)} pending={names(pending)}")
    ts[0].exception()
    ts[1].cancel()
    print(asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED)

asyncio.run(main())
