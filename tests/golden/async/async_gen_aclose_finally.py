# finally blocks in async generators: aclose(), break + explicit aclose,
# exhaustion, and generators that misbehave on close.
import asyncio

async def resource(name, n):
    print(f"{name}: open")
    try:
        for i in range(n):
            yield i
            print(f"{name}: resumed after {i}")
    finally:
        print(f"{name}: cleanup start")
        await asyncio.sleep(0.1)   # awaiting in finally is fine during aclose
        print(f"{name}: cleanup done")

async def main():
    loop = asyncio.get_running_loop()
    g = resource("A", 5)
    async for v in g:
        print("A got", v)
        if v == 1:
            break
    print("after break (finally not run yet)")
    await g.aclose()
    print(f"after aclose t={loop.time():.3f}")
    await g.aclose()
    print("second aclose is a no-op")
    # exhaustion runs finally
    async for v in resource("B", 2):
        print("B got", v)
    print("B exhausted")
    # aclose on a generator that never started: no finally
    g = resource("C", 3)
    await g.aclose()
    print("C closed before start")
    # a generator that yields in finally during aclose
    async def stubborn():
        try:
            yield 1
        finally:
            yield 2
    s = stubborn()
    await s.asend(None)
    try:
        await s.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)
    # a generator that catches GeneratorExit and returns normally
    async def polite():
        try:
            yield 1
        except GeneratorExit:
            print("polite: got GeneratorExit")
            raise
    p = polite()
    await p.asend(None)
    await p.aclose()
    print("polite closed")
    # exception raised in finally replaces GeneratorExit
    async def raising():
        try:
            yield 1
        finally:
            raise ValueError("from finally")
    r = raising()
    await r.asend(None)
    try:
        await r.aclose()
    except ValueError as e:
        print("aclose raised:", e)
    # break out of async for over a generator, then sleep: CPython's
    # finalizer only runs when the generator is collected, so keep a
    # reference and close explicitly.
    g = resource("D", 3)
    async for v in g:
        break
    await asyncio.sleep(0)
    print("D not finalized while referenced; closing")
    await g.aclose()

asyncio.run(main())
