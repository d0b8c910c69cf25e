# Nested TaskGroups: an inner failure propagates as a nested ExceptionGroup.
import asyncio

# TaskGroup cancels its tasks in set order (unspecified): collect the names
# of cancelled leaves and print them sorted.
cancelled = []

async def leaf(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise RuntimeError(name)
        print(f"{name} ok")
    except asyncio.CancelledError:
        cancelled.append(name)
        raise

async def inner_group(prefix, fail):
    async with asyncio.TaskGroup() as tg:
        tg.create_task(leaf(f"{prefix}.1", 0.1))
        tg.create_task(leaf(f"{prefix}.2", 0.2, fail=fail))
        tg.create_task(leaf(f"{prefix}.3", 0.5))
    print(f"{prefix} group done")

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(inner_group("A", False))
        tg.create_task(inner_group("B", False))
    print("all ok")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(inner_group("C", True))
            tg.create_task(inner_group("D", False))
            tg.create_task(leaf("E", 1))
    except* RuntimeError as eg:
        print("caught:", repr(eg))
        for e in eg.exceptions:
            print("  sub:", repr(e))
    print("cancelled:", sorted(cancelled))
    cancelled.clear()
    # inner group caught inside: outer continues
    async def resilient():
        try:
            await inner_group("F", True)
        except* RuntimeError as eg:
            print("resilient caught", repr(eg))
        return "resilient done"
    async with asyncio.TaskGroup() as tg:
        r = tg.create_task(resilient())
        tg.create_task(leaf("G", 0.3))
    print(r.result())
    print("cancelled:", sorted(cancelled))

asyncio.run(main())
