# Done callbacks run via call_soon in registration order, after the task
# finishes; removal; callbacks added after completion are scheduled too.
import asyncio

def cb(tag):
    def inner(t):
        print(f"cb {tag}: result={t.result()!r}")
    return inner

async def job(v):
    print(f"job {v} running")
    await asyncio.sleep(0)
    print(f"job {v} returning")
    return v

async def noisy(name):
    for i in range(3):
        print(f"{name} {i}")
        await asyncio.sleep(0)

async def main():
    t = asyncio.create_task(job(1))
    a, b, c = cb("a"), cb("b"), cb("c")
    t.add_done_callback(a)
    t.add_done_callback(b)
    t.add_done_callback(c)
    t.add_done_callback(b)
    print("removed b count:", t.remove_done_callback(b))
    print("removed missing count:", t.remove_done_callback(cb("zz")))
    n = asyncio.create_task(noisy("noisy"))
    await t
    print("main: after await t")
    t.add_done_callback(cb("late"))
    print("main: late callback added")
    await asyncio.sleep(0)
    print("main: after one yield")
    await n
    # The awaiting task's wakeup is itself a done callback, ordered with others.
    t2 = asyncio.create_task(job(2))
    t2.add_done_callback(cb("before-await"))
    async def waiter():
        r = await t2
        print("waiter woke with", r)
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    t2.add_done_callback(cb("after-waiter"))
    await w

asyncio.run(main())
