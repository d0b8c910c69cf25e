# asyncio.TaskGroup: many groups, nested groups, and an occasional failing
# group whose siblings get cancelled (caught with except*).
# kind: async
import asyncio
import sys

async def work(i):
    if i % 3 == 0:
        await asyncio.sleep(0)
    return i

async def failing(i):
    await asyncio.sleep(0)
    raise ValueError(i)

async def sleeper(state):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        state[0] += 1
        raise

async def inner(base, width):
    async with asyncio.TaskGroup() as tg:
        ts = [tg.create_task(work(base + k)) for k in range(width)]
    return sum(t.result() for t in ts)

async def main(groups):
    total = 0
    state = [0]
    for g in range(groups):
        async with asyncio.TaskGroup() as tg:
            ts = [tg.create_task(inner(g * 100 + j * 10, 10)) for j in range(10)]
        total += sum(t.result() for t in ts)
        if g % 50 == 0:
            try:
                async with asyncio.TaskGroup() as tg:
                    tg.create_task(sleeper(state))
                    tg.create_task(sleeper(state))
                    tg.create_task(failing(g))
            except* ValueError as eg:
                total += len(eg.exceptions)
    return total, state[0]

def run():
    groups = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    total, cancelled = asyncio.run(main(groups))
    nfail = (groups + 49) // 50
    expect = sum(range(groups * 100)) + nfail
    print("taskgroup total", total, "cancelled", cancelled)
    assert total == expect and cancelled == 2 * nfail, (total, expect, cancelled)
    print("ok")

run()
