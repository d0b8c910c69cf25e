# asyncio.wait(return_when=FIRST_COMPLETED) returns as soon as one finishes.
import asyncio

async def work(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} finished")
    return name

def names(tasks):
    return sorted(t.get_name() for t in tasks)

async def main():
    loop = asyncio.get_running_loop()
    pending = {asyncio.create_task(work(n, d), name=n) for n, d in [("a", 0.3), ("b", 0.1), ("c", 0.2), ("d", 0.1)]}
    rounds = 0
    while pending:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        rounds += 1
        print(f"round {rounds} at {loop.time():.3f}: done={names(done)} pending={names(pending)}")
        print("  results:", sorted(t.result() for t in done))
    # already-done tasks: returns immediately with them in done
    t = asyncio.create_task(work("e", 0))
    await t
    done, pending = await asyncio.wait([t, asyncio.create_task(work("f", 1), name="f")], return_when=asyncio.FIRST_COMPLETED)
    print("with one already done:", names(done), names(pending), f"{loop.time():.3f}")
    await asyncio.wait(pending)
    print(f"end {loop.time():.3f}")

asyncio.run(main())
