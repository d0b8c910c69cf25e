# One TaskGroup task fails -> siblings and the body are cancelled ->
# ExceptionGroup with the failures.
# (A TaskGroup keeps its tasks in a set, so the order in which several
# siblings get cancelled is unspecified: record them and print sorted.)
import asyncio

cancelled = []

async def sibling(name, delay):
    try:
        await asyncio.sleep(delay)
        print(f"{name} finished normally")
        return name
    except asyncio.CancelledError:
        cancelled.append(name)
        raise

async def fail(name, delay, exc):
    await asyncio.sleep(delay)
    print(f"{name} raising {exc!r}")
    raise exc

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.TaskGroup() as tg:
            s1 = tg.create_task(sibling("s1", 1))
            s0 = tg.create_task(sibling("s0", 0.05))
            tg.create_task(fail("f1", 0.1, ValueError("first")))
            s2 = tg.create_task(sibling("s2", 2))
            try:
                await asyncio.sleep(5)
            except asyncio.CancelledError:
                print("body cancelled too; siblings cancelled so far:", sorted(cancelled))
                raise
    except* ValueError as eg:
        print("caught", repr(eg.exceptions), f"at {loop.time():.3f}")
        print("message:", repr(eg.message), "type:", type(eg).__name__)
    print("cancelled:", sorted(cancelled))
    print("s1 cancelled:", s1.cancelled(), "s0 result:", s0.result(), "s2 cancelled:", s2.cancelled())
    cancelled.clear()

    # two failures in the same pass are both reported, in order
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail("x", 0.1, KeyError("x")))
            tg.create_task(fail("y", 0.1, ValueError("y")))
            tg.create_task(sibling("z", 1))
    except* KeyError as eg:
        print("KeyError part:", repr(eg.exceptions))
    except* ValueError as eg:
        print("ValueError part:", repr(eg.exceptions))
    print("cancelled:", cancelled)

    # a sibling that raises while being cancelled adds to the group
    async def bad_cleanup():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            raise OSError("cleanup failed")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bad_cleanup())
            tg.create_task(fail("w", 0.1, ValueError("w")))
    except* (ValueError, OSError) as eg:
        print("mixed:", repr(eg.exceptions))

asyncio.run(main())
