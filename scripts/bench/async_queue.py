# Bounded asyncio.Queue: producers block when the queue is full, consumers
# when it is empty; join()/task_done() for completion.
# kind: async
import asyncio
import sys

async def producer(q, pid, n):
    for i in range(n):
        await q.put(pid * 1000000 + i)

async def consumer(q, acc):
    while True:
        item = await q.get()
        acc[0] += item % 1000003
        acc[1] += 1
        q.task_done()

async def main(nprod, ncons, per, maxsize):
    q = asyncio.Queue(maxsize=maxsize)
    acc = [0, 0]
    consumers = [asyncio.create_task(consumer(q, acc)) for _ in range(ncons)]
    await asyncio.gather(*[producer(q, p, per) for p in range(nprod)])
    await q.join()
    for c in consumers:
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    # an unbounded queue filled and drained without blocking
    q2 = asyncio.Queue()
    for i in range(per):
        q2.put_nowait(i)
    drained = 0
    while not q2.empty():
        drained += await q2.get()
    return acc[0], acc[1], drained

def run():
    per = int(sys.argv[1]) if len(sys.argv) > 1 else 25000
    nprod, ncons = 4, 4
    s, n, drained = asyncio.run(main(nprod, ncons, per, 16))
    expect = sum((p * 1000000 + i) % 1000003 for p in range(nprod) for i in range(per))
    print("queue items", n, "checksum", s, "drained", drained)
    assert n == nprod * per and s == expect and drained == sum(range(per))
    print("ok")

run()
