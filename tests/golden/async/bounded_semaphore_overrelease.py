# BoundedSemaphore raises ValueError when released too many times.
import asyncio

async def main():
    bs = asyncio.BoundedSemaphore(2)
    await bs.acquire()
    await bs.acquire()
    print("locked:", bs.locked())
    bs.release()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print("ValueError:", e)
    async with bs:
        async with bs:
            print("nested acquire ok, locked:", bs.locked())
    try:
        bs.release()
    except ValueError as e:
        print("ValueError again:", e)
    print("isinstance Semaphore:", isinstance(bs, asyncio.Semaphore))
    # queue of waiters on a BoundedSemaphore(1)
    one = asyncio.BoundedSemaphore(1)
    order = []
    async def job(n):
        async with one:
            order.append(n)
            await asyncio.sleep(0.01 * (5 - n))
    await asyncio.gather(*(job(n) for n in range(5)))
    print(order)

asyncio.run(main())
