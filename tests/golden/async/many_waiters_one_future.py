# Many tasks awaiting one future (one done callback each, in order) and
# many plain callbacks on one future: wake-up order, removal, and a
# callback list that grows far past one entry.
import asyncio

order = []


async def waiter(fut, i):
    v = await fut
    order.append(i)
    return v + i


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    tasks = [asyncio.create_task(waiter(fut, i)) for i in range(20000)]
    await asyncio.sleep(0)
    print(repr(fut)[:60])
    fut.set_result(1)
    res = await asyncio.gather(*tasks, return_exceptions=True)
    print(len(order), order[:8], order[-3:], order == sorted(order))
    print(sum(res))

    seen = []
    g = loop.create_future()

    def make(i):
        def cb(f):
            seen.append(i)
        return cb
    cbs = [make(i) for i in range(1000)]
    for cb in cbs:
        g.add_done_callback(cb)
    for cb in cbs[::3]:
        g.remove_done_callback(cb)
    g.set_result(None)
    await asyncio.sleep(0)
    print(len(seen), seen[:6], seen[-2:])


asyncio.run(main())
