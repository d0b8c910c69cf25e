# Queue(maxsize) blocks producers when full; consumers unblock them in order.
import asyncio

async def producer(q, name, items, log):
    for i in range(items):
        item = f"{name}{i}"
        log.append(f"{name} putting {item} (qsize={q.qsize()})")
        await q.put(item)
        log.append(f"{name} put {item}")

async def consumer(q, n, log):
    got = []
    for _ in range(n):
        await asyncio.sleep(0.1)
        item = await q.get()
        log.append(f"consumer got {item} (qsize={q.qsize()}, full={q.full()})")
        got.append(item)
        q.task_done()
    return got

async def main():
    q = asyncio.Queue(maxsize=2)
    log = []
    res = await asyncio.gather(producer(q, "a", 3, log), producer(q, "b", 3, log), consumer(q, 6, log))
    for line in log:
        print(line)
    print("consumed order:", res[2])
    print("maxsize:", q.maxsize, "empty:", q.empty(), "full:", q.full())
    # unbounded queue never full
    u = asyncio.Queue()
    for i in range(100):
        u.put_nowait(i)
    print("unbounded full:", u.full(), "qsize:", u.qsize(), "maxsize:", u.maxsize)
    # maxsize <= 0 means infinite
    neg = asyncio.Queue(maxsize=-3)
    neg.put_nowait(1); neg.put_nowait(2)
    print("maxsize -3 full:", neg.full())

asyncio.run(main())
