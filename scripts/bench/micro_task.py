# Micro-figure: microseconds to create, run and collect one task
# (create_task, one step to completion, await its result).
# Prints "#metric task_us <value>".
# kind: micro
import asyncio
import sys
import time

async def job(i):
    return i

async def main(n, batch):
    total = 0
    t0 = time.perf_counter()
    for b in range(0, n, batch):
        ts = [asyncio.create_task(job(i)) for i in range(b, b + batch)]
        for t in ts:
            total += await t
    dt = time.perf_counter() - t0
    return total, dt

def run():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
    total, dt = asyncio.run(main(n, 1000))
    print("tasks", n, "sum", total)
    assert total == n * (n - 1) // 2
    print("#metric task_us %.3f" % (dt / n * 1e6))
    print("ok")

run()
