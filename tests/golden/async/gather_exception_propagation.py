# Without return_exceptions, the first exception propagates to the awaiter
# immediately, while the other children keep running (they are not cancelled).
import asyncio

async def worker(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            print(f"{name} raising")
            raise RuntimeError(name)
        print(f"{name} finished")
        return name
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise

async def main():
    loop = asyncio.get_running_loop()
    a = asyncio.create_task(worker("a", 0.3))
    b = asyncio.create_task(worker("b", 0.1, fail=True))
    c = asyncio.create_task(worker("c", 0.2, fail=True))
    g = asyncio.gather(a, b, c)
    try:
        await g
    except RuntimeError as e:
        print(f"gather raised {e!r} at {loop.time():.3f}")
    print("gather done:", g.done(), "a done:", a.done(), "c done:", c.done())
    await asyncio.sleep(0.5)
    print("a result:", a.result())
    print("c exception:", repr(c.exception()))
    print("g exception:", repr(g.exception()))
    # Exceptions in two children finishing in the same pass: first by order
    x = asyncio.create_task(worker("x", 0.1, fail=True))
    y = asyncio.create_task(worker("y", 0.1, fail=True))
    try:
        await asyncio.gather(y, x)
    except RuntimeError as e:
        print("same-time failure reported:", e)
    await asyncio.sleep(0)
    print("x exc:", x.exception(), "y exc:", y.exception())

asyncio.run(main())
