# Handling CancelledError: cleanup with awaits, re-raising, or swallowing it.
import asyncio

async def reraiser():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("reraiser: cleaning up (awaits allowed)")
        await asyncio.sleep(0.5)
        print("reraiser: cleanup finished, re-raising")
        raise

async def swallower():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("swallower: ignoring cancellation")
    await asyncio.sleep(0.1)
    return "swallowed"

async def converter():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        raise RuntimeError("converted") from e

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(reraiser())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print(f"main: reraiser cancelled={t.cancelled()} at {loop.time():.3f}")

    t = asyncio.create_task(swallower())
    await asyncio.sleep(0)
    t.cancel()
    print("main: swallower result", await t, "cancelled:", t.cancelled(), "cancelling:", t.cancelling())

    t = asyncio.create_task(converter())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except RuntimeError as e:
        print("main: converter raised", repr(e), "cause:", type(e.__cause__).__name__, "cancelled:", t.cancelled())

    # cancel the awaiting task: the awaited task is cancelled too
    async def inner():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("inner: cancelled via outer")
            raise
    async def outer():
        it = asyncio.create_task(inner())
        try:
            await it
        except asyncio.CancelledError:
            print("outer: cancelled; inner cancelled?", it.cancelled())
            raise
    o = asyncio.create_task(outer())
    await asyncio.sleep(0)
    o.cancel()
    try:
        await o
    except asyncio.CancelledError:
        print("main: outer cancelled")

asyncio.run(main())
