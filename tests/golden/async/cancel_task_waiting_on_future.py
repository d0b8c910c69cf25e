# Cancelling a task that awaits a future cancels that future as well; and a
# future cancelled by someone else raises CancelledError in its waiters.
import asyncio

async def wait_on(fut, name):
    try:
        return await fut
    except asyncio.CancelledError:
        print(f"{name}: CancelledError")
        raise

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t = asyncio.create_task(wait_on(fut, "t"))
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    print("future cancelled by task cancel:", fut.cancelled())
    print("task done:", t.done(), "cancelled:", t.cancelled())

    # one future, two waiters; cancelling one waiter cancels the future,
    # which in turn cancels the other waiter
    fut = loop.create_future()
    a = asyncio.create_task(wait_on(fut, "a"))
    b = asyncio.create_task(wait_on(fut, "b"))
    await asyncio.sleep(0)
    a.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("a cancelled:", a.cancelled(), "b cancelled:", b.cancelled(), "fut cancelled:", fut.cancelled())

    # cancel the future directly with a message
    fut = loop.create_future()
    c = asyncio.create_task(wait_on(fut, "c"))
    await asyncio.sleep(0)
    fut.cancel("fut-msg")
    try:
        await c
    except asyncio.CancelledError as e:
        print("c cancelled, args:", e.args)

    # future resolved and task cancelled in the same pass: who wins?
    fut = loop.create_future()
    d = asyncio.create_task(wait_on(fut, "d"))
    await asyncio.sleep(0)
    fut.set_result("value")
    d.cancel()
    try:
        print("d result:", await d)
    except asyncio.CancelledError:
        print("d was cancelled after all")

asyncio.run(main())
