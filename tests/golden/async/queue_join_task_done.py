# Queue.join() waits until task_done() was called for every item.
import asyncio

async def worker(name, q, log):
    while True:
        item = await q.get()
        try:
            await asyncio.sleep(item)
            log.append(f"{name} processed {item}")
        finally:
            q.task_done()

async def main():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue()
    for d in [0.3, 0.1, 0.2, 0.4, 0.1, 0.2]:
        q.put_nowait(d)
    log = []
    workers = [asyncio.create_task(worker(f"w{i}", q, log)) for i in range(3)]
    await q.join()
    print(f"joined at {loop.time():.3f}")
    for line in log:
        print(line)
    for w in workers:
        w.cancel()
    res = await asyncio.gather(*workers, return_exceptions=True)
    print([type(r).__name__ for r in res])
    # join on an empty queue returns immediately
    await q.join()
    print("join on drained queue returned")
    # too many task_done
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    # several joiners
    q.put_nowait(1)
    async def joiner(n):
        await q.join()
        print(f"joiner{n} released")
    js = [asyncio.create_task(joiner(i)) for i in range(3)]
    await asyncio.sleep(0)
    q.get_nowait()
    print("got item; calling task_done")
    q.task_done()
    await asyncio.gather(*js)

asyncio.run(main())
