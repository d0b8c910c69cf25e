# A recursive gather tree: every inner node gathers its children; leaves
# yield once to the loop.
# kind: async
import asyncio
import sys

async def node(depth, breadth, label):
    if depth == 0:
        await asyncio.sleep(0)
        return label % 1000
    kids = await asyncio.gather(*[node(depth - 1, breadth, label * breadth + k)
                                  for k in range(breadth)])
    return sum(kids) + 1

async def main(rounds):
    total = 0
    for _ in range(rounds):
        total += await node(7, 4, 1)
    return total

def run():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    total = asyncio.run(main(rounds))
    # the same tree, computed synchronously
    def ref(depth, breadth, label):
        if depth == 0:
            return label % 1000
        return sum(ref(depth - 1, breadth, label * breadth + k) for k in range(breadth)) + 1
    expect = rounds * ref(7, 4, 1)
    print("gather tree total", total, "nodes per round", (4 ** 8 - 1) // 3)
    assert total == expect, (total, expect)
    print("ok")

run()
