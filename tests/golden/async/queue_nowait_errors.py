# put_nowait/get_nowait and QueueFull/QueueEmpty; waking blocked getters.
import asyncio

async def main():
    q = asyncio.Queue(maxsize=2)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("QueueEmpty", repr(e), isinstance(e, Exception))
    q.put_nowait("a")
    q.put_nowait("b")
    try:
        q.put_nowait("c")
    except asyncio.QueueFull as e:
        print("QueueFull", repr(e))
    print(q.get_nowait(), q.get_nowait(), q.empty())
    # put_nowait wakes a blocked getter (FIFO among getters)
    async def getter(n):
        v = await q.get()
        print(f"getter{n} got {v}")
    ts = [asyncio.create_task(getter(i)) for i in range(3)]
    await asyncio.sleep(0)
    for v in "xyz":
        # Woken getters have not taken their items yet: the queue fills up.
        try:
            q.put_nowait(v)
            print("put_nowait", v, "qsize", q.qsize())
        except asyncio.QueueFull:
            print("QueueFull for", v, "qsize", q.qsize())
    await asyncio.sleep(0)
    print("after yield qsize", q.qsize())
    q.put_nowait("z")
    await asyncio.gather(*ts)
    # get_nowait wakes a blocked putter
    q.put_nowait(1)
    q.put_nowait(2)
    async def putter(v):
        await q.put(v)
        print("putter finished", v)
    ps = [asyncio.create_task(putter(v)) for v in (3, 4)]
    await asyncio.sleep(0)
    print("got", q.get_nowait())
    await asyncio.sleep(0)
    print("got", q.get_nowait())
    await asyncio.gather(*ps)
    print("left:", [q.get_nowait() for _ in range(q.qsize())])
    print(repr(asyncio.Queue(maxsize=3)))
    q.put_nowait(7)
    print(str(q))

asyncio.run(main())
