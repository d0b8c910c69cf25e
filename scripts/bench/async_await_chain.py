# Coroutine await chains without the event loop doing any scheduling: one
# task (asyncio.run of main) repeatedly awaits a deep chain of coroutines
# that never suspend.
# kind: async
import asyncio
import sys

async def leaf(x):
    return x + 1

async def chain(depth, x):
    if depth == 0:
        return await leaf(x)
    return await chain(depth - 1, x) + 1

class Box:
    def __init__(self, v):
        self.v = v

    async def get(self):
        return self.v

async def main(n, depth):
    total = 0
    box = Box(7)
    for i in range(n):
        total += await chain(depth, i)
        total += await box.get()
    return total

def run():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    depth = 50
    total = asyncio.run(main(n, depth))
    expect = sum(range(n)) + n * (depth + 1) + 7 * n
    print("await chain total", total)
    assert total == expect, (total, expect)
    print("ok")

run()
