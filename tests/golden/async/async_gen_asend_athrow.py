# Async generators: asend, athrow, interplay with awaits inside.
import asyncio

async def accumulator():
    total = 0
    try:
        while True:
            try:
                value = yield total
            except ValueError as e:
                print("  gen: caught", repr(e), "-> resetting")
                total = 0
                continue
            await asyncio.sleep(0.1)
            if value is not None:
                total += value
    finally:
        print("  gen: finally, total =", total)

async def main():
    loop = asyncio.get_running_loop()
    g = accumulator()
    print("type:", type(g).__name__, g.__qualname__)
    print("first asend(None):", await g.asend(None))
    print("asend(5):", await g.asend(5))
    print("asend(7):", await g.asend(7))
    print("athrow(ValueError):", await g.athrow(ValueError("reset")))
    print("asend(3):", await g.asend(3), f"t={loop.time():.3f}")
    await g.aclose()
    try:
        await g.asend(1)
    except StopAsyncIteration:
        print("asend after aclose: StopAsyncIteration")
    # asend non-None to a fresh generator
    g2 = accumulator()
    try:
        await g2.asend(1)
    except TypeError as e:
        print("TypeError:", e)
    # athrow an exception the generator doesn't catch
    g3 = accumulator()
    await g3.asend(None)
    try:
        await g3.athrow(KeyError("unhandled"))
    except KeyError as e:
        print("KeyError propagated:", e)
    # athrow into a fresh generator
    g4 = accumulator()
    try:
        await g4.athrow(RuntimeError("fresh"))
    except RuntimeError as e:
        print("fresh athrow raised:", e)
    # returning from the generator -> StopAsyncIteration
    async def short():
        yield 1
        return
    s = short()
    print(await s.asend(None))
    try:
        await s.asend(None)
    except StopAsyncIteration:
        print("short generator finished")
    # asend object awaited twice
    s2 = short()
    aw = s2.asend(None)
    print(await aw)
    try:
        await aw
    except RuntimeError as e:
        print("RuntimeError:", e)
    # ag_running and introspection
    async def probe():
        print("  ag_running inside:", p.ag_running)
        yield 1
    p = probe()
    print("ag_running before:", p.ag_running, "ag_frame set:", p.ag_frame is not None)
    await p.asend(None)
    await p.aclose()
    print("ag_frame after close:", p.ag_frame)

asyncio.run(main())
