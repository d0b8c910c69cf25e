# `async for` resumes an async generator's frame in place; everything
# observable must match the asend-awaitable path.
import asyncio
import sys
import traceback


async def numbers(n, pause_every=3):
    for i in range(n):
        if i % pause_every == 0:
            await asyncio.sleep(0)
        yield i


async def squares(src):
    async for x in src:
        yield x * x


async def failing(n):
    for i in range(n):
        yield i
    raise ValueError("agen failed")


async def stop_iter():
    yield 1
    raise StopIteration("x")


async def stop_async():
    yield 1
    raise StopAsyncIteration("y")


async def with_finally(log):
    try:
        for i in range(10):
            await asyncio.sleep(0)
            yield i
    finally:
        log.append("finally")


async def self_anext(box):
    yield 1
    try:
        await box[0].__anext__()
    except RuntimeError as e:
        yield "error: " + str(e)


async def handler_agen():
    try:
        raise KeyError("k")
    except KeyError:
        yield repr(sys.exc_info()[1])
        await asyncio.sleep(0)
        yield repr(sys.exc_info()[1])
    yield repr(sys.exc_info()[1])


async def shared_consumer(name, agen, out):
    async for x in agen:
        out.append((name, x))


async def main():
    print([x async for x in numbers(7)])
    total = 0
    async for v in squares(squares(numbers(10))):
        total += v
    print("total", total)
    got = []
    try:
        async for x in failing(3):
            got.append(x)
    except ValueError as e:
        print("caught", repr(e), got)
        print([(f.name, f.lineno) for f in traceback.extract_tb(e.__traceback__)])
    try:
        async for x in stop_iter():
            print("got", x)
    except RuntimeError as e:
        print("caught", repr(e), repr(e.__cause__))
    try:
        async for x in stop_async():
            print("got", x)
    except RuntimeError as e:
        print("caught", repr(e), repr(e.__cause__))
    log = []
    agen = with_finally(log)
    async for x in agen:
        if x == 2:
            break
    print("after break", log, agen.ag_running)
    print("asend", await agen.asend(None), log)
    await agen.aclose()
    print("closed", log)
    box = [None]
    g = self_anext(box)
    box[0] = g
    async for x in g:
        print("self", x)
    try:
        raise OSError("outer")
    except OSError:
        async for x in handler_agen():
            print("exc_info", x)
        print("after", repr(sys.exc_info()[1]))
    # Two consumers share one generator: one finds it running mid-await.
    shared = numbers(6, pause_every=1)
    out = []
    results = await asyncio.gather(shared_consumer("a", shared, out), shared_consumer("b", shared, out), return_exceptions=True)
    print(out, [repr(r) for r in results])
    # asend/athrow mixed with async for.
    ag = numbers(10)
    print(await ag.__anext__())
    async for x in ag:
        if x == 4:
            break
    try:
        await ag.athrow(LookupError("thrown"))
    except LookupError as e:
        print("athrow", repr(e))
    async for x in ag:
        print("after athrow", x)
    print("done")


asyncio.run(main())
