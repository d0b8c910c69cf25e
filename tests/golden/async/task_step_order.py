# Task steps rescheduled by sleep(0), call_soon callbacks, contextvars,
# cancellation, exceptions and current_task across steps: the order of
# the ready queue as CPython runs it.
import asyncio, contextvars
cv = contextvars.ContextVar('cv', default='d')
log = []
async def spin(name, n):
    for i in range(n):
        log.append((name, i, cv.get()))
        await asyncio.sleep(0)
    return name

async def canceller(t):
    await asyncio.sleep(0)
    t.cancel()

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(log.append, 'cb0')
    a = asyncio.create_task(spin('a', 4))
    cv.set('x')
    b = asyncio.create_task(spin('b', 3), name='bee')
    loop.call_soon(log.append, 'cb1')
    c = asyncio.create_task(spin('c', 10))
    asyncio.create_task(canceller(c))
    await asyncio.sleep(0)
    loop.call_soon(log.append, 'cb2')
    r = await asyncio.gather(a, b, c, return_exceptions=True)
    print(r)
    print(log)
    print(asyncio.current_task().get_name(), len(asyncio.all_tasks()))
    async def inner():
        await asyncio.sleep(0)
        raise ValueError("boom")
    try:
        await asyncio.create_task(inner())
    except ValueError as e:
        print("caught", e)
    def gen():
        yield
    async def nested():
        t = asyncio.current_task()
        await asyncio.sleep(0)
        return t is asyncio.current_task()
    print(await asyncio.gather(*(nested() for _ in range(3))))

asyncio.run(main())
