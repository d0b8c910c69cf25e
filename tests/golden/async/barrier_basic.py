# asyncio.Barrier (new in 3.11): parties, wait() indices, abort, reset.
import asyncio

async def party(b, name, delay, log):
    await asyncio.sleep(delay)
    log.append(f"{name} arrives (n_waiting={b.n_waiting})")
    idx = await b.wait()
    log.append(f"{name} passes with index {idx}")
    return idx

async def main():
    loop = asyncio.get_running_loop()
    b = asyncio.Barrier(3)
    print("parties:", b.parties, "n_waiting:", b.n_waiting, "broken:", b.broken)
    log = []
    res = await asyncio.gather(*(party(b, f"p{i}", d, log) for i, d in enumerate([0.3, 0.1, 0.2])))
    for line in log:
        print(line)
    print("indices:", res, f"t={loop.time():.3f}")
    # reuse for a second round
    log.clear()
    res = await asyncio.gather(*(party(b, f"q{i}", 0.1, log) for i in range(3)))
    print("second round:", res, log[-1])
    # abort breaks the waiters
    async def waiter(n):
        try:
            await b.wait()
        except asyncio.BrokenBarrierError as e:
            print(f"waiter{n}: BrokenBarrierError {e!r}")
    ws = [asyncio.create_task(waiter(i)) for i in range(2)]
    await asyncio.sleep(0)
    print("n_waiting before abort:", b.n_waiting)
    await b.abort()
    await asyncio.gather(*ws)
    print("broken:", b.broken)
    await b.reset()
    print("after reset broken:", b.broken)
    # async with form
    async def ctx(n):
        async with b as pos:
            return (n, pos)
    print(await asyncio.gather(*(ctx(i) for i in range(3))))
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
