# A task's first step is scheduled at creation (call_soon), so it runs only
# when the creator yields; awaiting a coroutine directly runs it inline.
import asyncio

async def step(name, n):
    for i in range(n):
        print(f"{name}: step {i}")
        await asyncio.sleep(0)
    print(f"{name}: done")
    return name

async def main():
    print("main: create A")
    a = asyncio.create_task(step("A", 2))
    print("main: create B")
    b = asyncio.create_task(step("B", 3))
    print("main: direct await C")
    await step("C", 2)
    print("main: direct C finished")
    c = asyncio.create_task(step("D", 1))
    print("main: before yielding once")
    await asyncio.sleep(0)
    print("main: after yielding once")
    print("main: awaiting B", await b)
    print("main: awaiting A", await a)
    print("main: awaiting D", await c)
    # A task created without a yield never runs before main continues
    t = asyncio.create_task(step("E", 0))
    print("main: E done?", t.done())
    await asyncio.sleep(0)
    print("main: E done after one yield?", t.done())

asyncio.run(main())
