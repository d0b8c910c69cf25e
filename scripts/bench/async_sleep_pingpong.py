# `await asyncio.sleep(0)` ping-pong among many tasks: every task yields to
# the loop on every step; round-robin order is checked.
# kind: async
import asyncio
import sys

async def player(i, rounds, state, log):
    for r in range(rounds):
        # the loop runs ready tasks FIFO, so at the r-th step task i sees
        # exactly r * ntasks + i earlier steps
        log[i] += state[0] - (r * state[1] + i)
        state[0] += 1
        await asyncio.sleep(0)
    return i

async def main(ntasks, rounds):
    state = [0, ntasks]
    log = [0] * ntasks
    tasks = [asyncio.create_task(player(i, rounds, state, log)) for i in range(ntasks)]
    res = await asyncio.gather(*tasks)
    return state[0], sum(log), sum(res)

def run():
    ntasks = 1000
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 250
    steps, skew, s = asyncio.run(main(ntasks, rounds))
    print("steps", steps, "order skew", skew, "ids", s)
    assert steps == ntasks * rounds and skew == 0 and s == ntasks * (ntasks - 1) // 2
    print("ok")

run()
