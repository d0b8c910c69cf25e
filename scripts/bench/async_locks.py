# Locks and semaphores under contention: many tasks fight for one Lock
# (with a suspension inside the critical section, so mutual exclusion
# matters) and for a Semaphore with a few permits; an Event fan-out.
# kind: async
import asyncio
import sys

async def locker(lock, state, n):
    for _ in range(n):
        async with lock:
            v = state[0]
            await asyncio.sleep(0)
            state[0] = v + 1

async def limited(sem, state, n, limit):
    for _ in range(n):
        async with sem:
            state[1] += 1
            if state[1] > state[2]:
                state[2] = state[1]
            await asyncio.sleep(0)
            state[1] -= 1
            state[3] += 1

async def waiter(ev, state):
    await ev.wait()
    state[4] += 1

async def main(ntasks, n):
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(5)
    state = [0, 0, 0, 0, 0]
    await asyncio.gather(*[locker(lock, state, n) for _ in range(ntasks)])
    await asyncio.gather(*[limited(sem, state, n, 5) for _ in range(ntasks)])
    for _ in range(20):
        ev = asyncio.Event()
        ws = [asyncio.create_task(waiter(ev, state)) for _ in range(ntasks)]
        await asyncio.sleep(0)
        ev.set()
        await asyncio.gather(*ws)
    return state

def run():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 150
    ntasks = 200
    state = asyncio.run(main(ntasks, n))
    print("locks", state)
    assert state[0] == ntasks * n            # no lost updates
    assert state[2] == 5 and state[1] == 0   # semaphore bound respected
    assert state[3] == ntasks * n and state[4] == 20 * ntasks
    print("ok")

run()
