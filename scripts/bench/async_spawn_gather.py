# Spawn 100,000 short tasks and gather them (several rounds).
# kind: async
import asyncio
import sys

async def job(i):
    return i * 2 + 1

async def main(n, rounds):
    total = 0
    for r in range(rounds):
        tasks = [asyncio.create_task(job(i)) for i in range(n)]
        res = await asyncio.gather(*tasks)
        total += sum(res) + len(res)
        # gather of bare coroutines (wrapped into tasks by gather itself)
        res = await asyncio.gather(*[job(i) for i in range(n // 10)])
        total += res[-1]
    return total

def run():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    n = 100000
    total = asyncio.run(main(n, rounds))
    expect = rounds * (n * n + n + 2 * (n // 10 - 1) + 1)
    print("spawn gather total", total)
    assert total == expect, (total, expect)
    print("ok")

run()
