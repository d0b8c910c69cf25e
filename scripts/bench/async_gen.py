# Async generators consumed with `async for`, chained async generators,
# async comprehensions, an occasional suspension to the loop.
# kind: async
import asyncio
import sys

async def numbers(n):
    for i in range(n):
        if i % 100 == 0:
            await asyncio.sleep(0)
        yield i

async def squares(src):
    async for x in src:
        yield x * x

async def only_odd(src):
    async for x in src:
        if x & 1:
            yield x

async def main(n, rounds):
    total = 0
    for _ in range(rounds):
        async for v in only_odd(squares(numbers(n))):
            total += v
        total += sum([x async for x in numbers(n // 2) if x % 7 == 0])
        agen = numbers(1000)
        async for x in agen:
            if x == 10:
                break
        await agen.aclose()
        total += x
    return total

def run():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    n = 30000
    total = asyncio.run(main(n, rounds))
    expect = rounds * (sum(x * x for x in range(n) if x & 1)
                       + sum(x for x in range(n // 2) if x % 7 == 0) + 10)
    print("async gen total", total)
    assert total == expect, (total, expect)
    print("ok")

run()
