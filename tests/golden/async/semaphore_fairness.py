# Semaphore/Lock fairness: a newcomer does not jump ahead of woken waiters.
import asyncio

async def main():
    sem = asyncio.Semaphore(1)
    log = []
    async def user(name, hold=0):
        log.append(f"{name} wants")
        async with sem:
            log.append(f"{name} has it")
            await asyncio.sleep(hold)
        log.append(f"{name} done")
    await sem.acquire()
    a = asyncio.create_task(user("a"))
    b = asyncio.create_task(user("b"))
    await asyncio.sleep(0)
    sem.release()                  # wakes a, but a has not run yet
    c = asyncio.create_task(user("c"))   # newcomer arrives now
    locked_now = sem.locked()
    await asyncio.gather(a, b, c)
    print("locked right after release:", locked_now)
    for line in log:
        print(line)
    # the same with a lock
    lock = asyncio.Lock()
    log.clear()
    async def luser(name):
        log.append(f"{name} wants")
        async with lock:
            log.append(f"{name} has it")
            await asyncio.sleep(0)
    await lock.acquire()
    x = asyncio.create_task(luser("x"))
    await asyncio.sleep(0)
    lock.release()
    y = asyncio.create_task(luser("y"))
    await asyncio.gather(x, y)
    print(log)

asyncio.run(main())
