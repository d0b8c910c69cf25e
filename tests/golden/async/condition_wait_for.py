# Condition.wait_for(predicate): producer/consumer on a shared counter.
import asyncio

async def main():
    cond = asyncio.Condition()
    state = {"count": 0}
    results = []

    async def wait_for_count(name, target):
        async with cond:
            print(f"{name} waits for count>={target}")
            r = await cond.wait_for(lambda: state["count"] >= target)
            print(f"{name} proceeds at count={state['count']} (predicate returned {r})")
            results.append(name)

    async def incrementer():
        for _ in range(6):
            await asyncio.sleep(0.1)
            async with cond:
                state["count"] += 1
                print("count ->", state["count"])
                cond.notify_all()

    waiters = [asyncio.create_task(wait_for_count(f"w{t}", t)) for t in (3, 1, 5, 1, 0)]
    await asyncio.gather(incrementer(), *waiters)
    print(results)
    # predicate returning a truthy non-bool value
    async with cond:
        r = await cond.wait_for(lambda: "yes")
        print("wait_for returned", repr(r))

asyncio.run(main())
