# An exception raised in the TaskGroup body cancels the children; the body
# exception ends up in the ExceptionGroup together with child failures.
import asyncio

# TaskGroup cancels its tasks in set order (unspecified): collect the names
# of cancelled children and print them sorted.
cancelled = []

def report():
    print("  cancelled:", sorted(cancelled))
    cancelled.clear()

async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        print(f"{name} done")
    except asyncio.CancelledError:
        cancelled.append(name)
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("c1", 1))
            tg.create_task(child("c2", 2))
            await asyncio.sleep(0.1)
            raise ZeroDivisionError("body failed")
    except* ZeroDivisionError as eg:
        print("caught:", repr(eg.exceptions))
    report()
    # body error raised before any child ran
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("never", 1))
            raise KeyError("immediate")
    except* KeyError as eg:
        print("caught:", repr(eg.exceptions))
    report()
    # child returns normally, body raises after the children are done
    try:
        async with asyncio.TaskGroup() as tg:
            t = tg.create_task(child("quick", 0))
            await asyncio.sleep(0.1)
            raise ValueError("late body error")
    except* ValueError as eg:
        print("caught:", repr(eg.exceptions), "child done:", t.done())
    report()
    # body cancelled from outside: children cancelled, CancelledError propagates
    async def holder():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("h1", 5))
            tg.create_task(child("h2", 5))
            await asyncio.sleep(10)
    h = asyncio.create_task(holder())
    await asyncio.sleep(0.5)
    h.cancel()
    try:
        await h
    except asyncio.CancelledError:
        print("holder cancelled:", h.cancelled())
    report()
    # A BaseException (not Exception) raised in the body is wrapped in a
    # BaseExceptionGroup
    class Stop(BaseException):
        pass
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("b1", 1))
            await asyncio.sleep(0)
            raise Stop("stop!")
    except BaseExceptionGroup as eg:
        print(type(eg).__name__, repr(eg.message), repr(eg.exceptions))
    except Stop as e:
        print("BaseException propagated unwrapped:", repr(e))
    report()

asyncio.run(main())
