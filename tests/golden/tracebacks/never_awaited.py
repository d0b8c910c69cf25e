# The classic mistake: calling a coroutine function (or asyncio.sleep)
# without `await`. CPython warns once for each when it is dropped.
import asyncio

async def work():
    return 1

async def main():
    asyncio.sleep(0.5)
    work()
    await asyncio.sleep(0.01)
    print("done")

asyncio.run(main())
