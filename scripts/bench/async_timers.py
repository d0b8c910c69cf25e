# Many timers: tasks sleep with distinct small delays (real time) and must
# wake in deadline order.
# kind: async
import asyncio
import sys

async def sleeper(k, delay, loop, wake, late):
    t0 = loop.time()
    await asyncio.sleep(delay)
    if loop.time() - t0 < delay - 1e-3:
        late[0] += 1        # woke up too early
    wake.append(k)
    # a second sleep with another distinct delay
    await asyncio.sleep(delay / 2)
    return k

async def until(k, deadline, loop, wake, late):
    await asyncio.sleep(deadline - loop.time())
    if loop.time() < deadline - 1e-3:
        late[0] += 1
    wake.append(k)

async def main(ntasks, rounds):
    loop = asyncio.get_running_loop()
    total = 0
    ordered = True
    late = [0]
    for r in range(rounds):
        wake = []
        # delays 0.00001 * k: distinct, the longest 0.2 s for 20,000 tasks;
        # tasks are created in order of increasing delay
        tasks = [asyncio.create_task(sleeper(k, 0.00001 * k, loop, wake, late))
                 for k in range(ntasks)]
        res = await asyncio.gather(*tasks)
        ordered = ordered and wake == sorted(wake) and len(wake) == ntasks
        total += sum(res)
        # reverse creation order: 200 tasks with deadlines 0.5 ms apart.
        # The wake order is not checked here: a preemption of the process
        # between a task's two clock readings (its `deadline - loop.time()`
        # and call_later's own `loop.time()`) shifts its timer, so the order
        # is only mostly by deadline, under CPython too. Every task must
        # wake, and none before its deadline.
        wake = []
        base = loop.time() + 0.05
        tasks = [asyncio.create_task(until(k, base + 0.0005 * k, loop, wake, late))
                 for k in range(199, -1, -1)]
        await asyncio.gather(*tasks)
        ordered = ordered and sorted(wake) == list(range(200))
    return total, ordered, late[0]

def run():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    ntasks = 20000
    total, ordered, early = asyncio.run(main(ntasks, rounds))
    print("timers total", total, "ordered", ordered, "early wakeups", early)
    assert total == rounds * sum(range(ntasks)) and early == 0 and ordered
    print("ok")

run()
