# Nested timeouts: the one that expires raises TimeoutError at its level.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    # inner shorter
    try:
        async with asyncio.timeout(1) as outer:
            try:
                async with asyncio.timeout(0.2) as inner:
                    await asyncio.sleep(0.5)
            except TimeoutError:
                print(f"inner timed out at {loop.time():.3f}; outer expired? {outer.expired()}")
            await asyncio.sleep(0.3)
            print("outer body continues")
    except TimeoutError:
        print("outer timed out (unexpected)")
    # outer shorter
    try:
        async with asyncio.timeout(0.2) as outer:
            try:
                async with asyncio.timeout(1) as inner:
                    await asyncio.sleep(0.5)
            except TimeoutError:
                print("inner caught TimeoutError (unexpected)")
            except asyncio.CancelledError:
                print("inner sees CancelledError from outer timeout")
                raise
    except TimeoutError:
        print(f"outer timed out at {loop.time():.3f}; inner expired? {inner.expired()} outer expired? {outer.expired()}")
    # equal deadlines
    try:
        async with asyncio.timeout_at(loop.time() + 0.3) as a:
            async with asyncio.timeout_at(a.when()) as b:
                await asyncio.sleep(1)
    except TimeoutError:
        print(f"equal deadlines: a.expired={a.expired()} b.expired={b.expired()} at {loop.time():.3f}")
    # timeout in a task cancelled externally: CancelledError, not TimeoutError
    async def guarded():
        try:
            async with asyncio.timeout(5):
                await asyncio.sleep(10)
        except TimeoutError:
            print("guarded: TimeoutError (unexpected)")
        except asyncio.CancelledError:
            print("guarded: CancelledError from outside")
            raise
    t = asyncio.create_task(guarded())
    await asyncio.sleep(0.1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("guarded task cancelled:", t.cancelled())
    # wait_for inside timeout
    try:
        async with asyncio.timeout(0.1):
            await asyncio.wait_for(asyncio.sleep(1), timeout=0.5)
    except TimeoutError:
        print(f"timeout around wait_for fired at {loop.time():.3f}")

asyncio.run(main())
