# Task.cancelling() counts pending cancel requests; uncancel() decrements it.
import asyncio

async def stubborn(rounds):
    for i in range(rounds):
        try:
            await asyncio.sleep(1)
            print(f"stubborn: slept round {i}")
        except asyncio.CancelledError:
            me = asyncio.current_task()
            print(f"stubborn: cancelled in round {i}, cancelling={me.cancelling()}")
            left = me.uncancel()
            print(f"stubborn: uncancel -> {left}")
    return "survived"

async def main():
    t = asyncio.create_task(stubborn(3))
    await asyncio.sleep(0)
    print("cancelling before:", t.cancelling())
    t.cancel()
    print("cancelling after 1 cancel:", t.cancelling())
    t.cancel()
    print("cancelling after 2 cancels:", t.cancelling())
    await asyncio.sleep(0.5)
    print("cancelling later:", t.cancelling())
    t.cancel()
    print("result:", await t, "cancelled:", t.cancelled())
    print("uncancel at zero:", t.uncancel(), t.uncancel())

    # Without uncancel, the count stays raised after the task swallows it
    async def swallow():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            pass
        print("swallow: cancelling() =", asyncio.current_task().cancelling())
        await asyncio.sleep(0.1)
        print("swallow: slept again fine")
    s = asyncio.create_task(swallow())
    await asyncio.sleep(0)
    s.cancel()
    await s
    print("swallow cancelling after completion:", s.cancelling())

asyncio.run(main())
