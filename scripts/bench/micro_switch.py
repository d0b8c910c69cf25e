# Micro-figure: nanoseconds per `await asyncio.sleep(0)` task switch.
# Prints "#metric switch_ns <value>" (ignored by the output comparison).
# kind: micro
import asyncio
import sys
import time

async def spinner(n, counter):
    for _ in range(n):
        await asyncio.sleep(0)
    counter[0] += n

async def main(ntasks, n):
    counter = [0]
    tasks = [asyncio.create_task(spinner(n, counter)) for _ in range(ntasks)]
    await asyncio.sleep(0)          # every task has started
    t0 = time.perf_counter()
    await asyncio.gather(*tasks)
    dt = time.perf_counter() - t0
    return counter[0], dt

def run():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50000
    ntasks = 10
    switches, dt = asyncio.run(main(ntasks, n))
    print("switches", switches)
    assert switches == ntasks * n
    print("#metric switch_ns %.1f" % (dt / switches * 1e9))
    print("ok")

run()
