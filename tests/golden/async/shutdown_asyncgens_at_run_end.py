# An async generator left suspended when main returns is finalized by
# asyncio.run (shutdown_asyncgens), after leftover tasks are cancelled.
import asyncio

async def ticker():
    try:
        for i in range(100):
            yield i
            await asyncio.sleep(0)
    finally:
        print("ticker: finally (aclose from shutdown_asyncgens)")

async def leftover():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print("leftover task: cancelled at shutdown")
        raise

gens = []

async def main():
    g = ticker()
    gens.append(g)  # keep it alive so only the loop's shutdown closes it
    print(await anext(g), await anext(g))
    asyncio.create_task(leftover())
    await asyncio.sleep(0)
    print("main returns")

asyncio.run(main())
print("after run; generator frame cleared:", gens[0].ag_frame is None)

# explicit shutdown_asyncgens on a manually managed loop
async def second():
    g = ticker()
    gens.append(g)
    await anext(g)
    print("second: generator started")

loop = asyncio.new_event_loop()
loop.run_until_complete(second())
print("before shutdown_asyncgens")
loop.run_until_complete(loop.shutdown_asyncgens())
print("after shutdown_asyncgens")
loop.close()
