# A semaphore limits concurrency of jobs with random durations.
import asyncio
import random

active = 0
peak = 0

async def job(sem, n):
    global active, peak
    dur = round(random.uniform(0.1, 1.0), 3)
    async with sem:
        active += 1
        peak = max(peak, active)
        t = asyncio.get_running_loop().time()
        print(f"{t:.3f} start job{n} (dur {dur}, active {active})")
        await asyncio.sleep(dur)
        active -= 1
        print(f"{asyncio.get_running_loop().time():.3f} end job{n}")
    return n, dur

async def main():
    sem = asyncio.Semaphore(3)
    res = await asyncio.gather(*(job(sem, n) for n in range(10)))
    print("peak:", peak)
    print(res)

asyncio.run(main())
