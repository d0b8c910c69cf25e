# asyncio.Semaphore: at most N holders; ordering of waiters; value tracking.
import asyncio

inside = 0

async def worker(sem, name, dur, log):
    global inside
    log.append(f"{name} wants")
    async with sem:
        inside += 1
        log.append(f"{name} in (inside={inside}, locked={sem.locked()})")
        await asyncio.sleep(dur)
        inside -= 1
        log.append(f"{name} out")

async def main():
    loop = asyncio.get_running_loop()
    sem = asyncio.Semaphore(2)
    log = []
    durs = [0.3, 0.1, 0.2, 0.1, 0.1, 0.05]
    await asyncio.gather(*(worker(sem, f"w{i}", d, log) for i, d in enumerate(durs)))
    for line in log:
        print(line)
    print(f"finished at {loop.time():.3f}; locked={sem.locked()}")
    # locked() reports zero value
    s = asyncio.Semaphore(1)
    print("locked before:", s.locked())
    await s.acquire()
    print("locked after acquire:", s.locked())
    s.release()
    s.release()   # plain Semaphore allows going above the initial value
    # two acquires now succeed without blocking
    await s.acquire()
    print("after extra release, 1st acquire; locked:", s.locked())
    await s.acquire()
    print("2nd acquire; locked:", s.locked())
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)
    # Semaphore(0): acquire blocks until someone releases
    z = asyncio.Semaphore(0)
    async def acq(n):
        await z.acquire()
        print(f"acq{n} got it")
    ts = [asyncio.create_task(acq(i)) for i in range(3)]
    await asyncio.sleep(0)
    for _ in range(3):
        z.release()
        print("released one")
        await asyncio.sleep(0)
    await asyncio.gather(*ts)
    # release several at once before the waiters run
    ts = [asyncio.create_task(acq(i)) for i in range(3, 6)]
    await asyncio.sleep(0)
    z.release(); z.release(); z.release()
    print("released three")
    await asyncio.gather(*ts)

asyncio.run(main())
