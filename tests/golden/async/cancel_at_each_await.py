# Cancelling a task at successive suspension points: where does it stop?
import asyncio

async def victim(log):
    try:
        log.append("start")
        await asyncio.sleep(0)
        log.append("after sleep(0) #1")
        await asyncio.sleep(0)
        log.append("after sleep(0) #2")
        await asyncio.sleep(1)
        log.append("after sleep(1)")
        await asyncio.sleep(0)
        log.append("after sleep(0) #3")
        return "completed"
    except asyncio.CancelledError:
        log.append("CancelledError caught")
        raise
    finally:
        log.append("finally")

async def main():
    for yields_before_cancel in range(6):
        log = []
        t = asyncio.create_task(victim(log))
        for _ in range(yields_before_cancel):
            await asyncio.sleep(0)
        t.cancel()
        try:
            r = await t
        except asyncio.CancelledError:
            r = "cancelled"
        print(yields_before_cancel, r, log)
    # cancel while the task is sleeping on a timer
    log = []
    t = asyncio.create_task(victim(log))
    await asyncio.sleep(0.5)
    loop = asyncio.get_running_loop()
    print(f"cancel at {loop.time():.3f}")
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print(f"cancelled, now {loop.time():.3f}", log)

asyncio.run(main())
