# Several tasks awaiting one future wake in the order they started awaiting.
import asyncio

async def waiter(name, fut):
    print(f"{name}: waiting")
    v = await fut
    print(f"{name}: woke with {v}")
    await asyncio.sleep(0)
    print(f"{name}: after extra yield")
    return name

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    tasks = [asyncio.create_task(waiter(f"w{i}", fut)) for i in range(4)]
    await asyncio.sleep(0)
    late = asyncio.create_task(waiter("late", fut))
    loop.call_later(0.1, fut.set_result, "shared")
    print(await asyncio.gather(*tasks, late))

    # exception shared by all awaiters
    fut = loop.create_future()
    async def catcher(name):
        try:
            await fut
        except ZeroDivisionError as e:
            print(f"{name}: caught {e!r}")
    ts = [asyncio.create_task(catcher(f"c{i}")) for i in range(3)]
    await asyncio.sleep(0)
    fut.set_exception(ZeroDivisionError("shared error"))
    await asyncio.gather(*ts)
    # awaiting an already-done future does not suspend
    async def quick():
        print("quick: before await of done future")
        v = await fut_done
        print("quick: got", v)
    fut_done = loop.create_future()
    fut_done.set_result(99)
    other = asyncio.create_task(waiter("other", fut_done))
    await quick()
    await other

asyncio.run(main())
