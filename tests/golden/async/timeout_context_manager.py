# asyncio.timeout(): expired(), when(), reschedule(), None deadlines.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.5) as cm:
            print("when relative to now:", f"{cm.when() - loop.time():.3f}")
            await asyncio.sleep(1)
            print("not reached")
    except TimeoutError as e:
        print("TimeoutError", repr(e), "expired:", cm.expired(), f"{loop.time():.3f}")
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.2)
    print("no timeout: expired", cm.expired())
    # None: no deadline, can be rescheduled later
    try:
        async with asyncio.timeout(None) as cm:
            print("when():", cm.when())
            await asyncio.sleep(0.1)
            cm.reschedule(loop.time() + 0.2)
            print("rescheduled:", f"{cm.when() - loop.time():.3f}")
            await asyncio.sleep(5)
    except TimeoutError:
        print(f"fired after reschedule at {loop.time():.3f}")
    # push deadline further away
    async with asyncio.timeout(0.1) as cm:
        cm.reschedule(loop.time() + 1)
        await asyncio.sleep(0.5)
        print("survived extended deadline; expired:", cm.expired())
        cm.reschedule(None)
        await asyncio.sleep(2)
        print("deadline removed; when:", cm.when())
    # deadline in the past fires at the next await
    try:
        async with asyncio.timeout(-1):
            print("inside with negative delay")
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print("negative delay timed out immediately")
    # exception in the body is not converted
    try:
        async with asyncio.timeout(1):
            raise KeyError("inner")
    except KeyError as e:
        print("KeyError passes:", e)
    # catching the CancelledError inside prevents TimeoutError
    async with asyncio.timeout(0.1) as cm:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("swallowed the cancellation inside timeout")
    print("after swallow, expired:", cm.expired())
    # reschedule on an unentered timeout
    cm = asyncio.timeout(1)
    try:
        cm.reschedule(5)
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(repr(cm).startswith("<Timeout"), "state:", repr(cm))

asyncio.run(main())
