# cancel() return values, cancel on finished tasks, cancel of the current task.
import asyncio

async def quick():
    return 1

async def self_canceller():
    me = asyncio.current_task()
    print("self-cancel returns", me.cancel())
    print("still running after self-cancel")
    try:
        await asyncio.sleep(0)
        print("not reached")
    except asyncio.CancelledError:
        print("CancelledError at the next await")
        raise

async def main():
    t = asyncio.create_task(quick())
    await t
    print("cancel finished task:", t.cancel(), t.cancelled())
    t = asyncio.create_task(asyncio.sleep(1))
    print("first cancel:", t.cancel(), "second:", t.cancel(), "cancelling:", t.cancelling())
    await asyncio.sleep(0)
    print("after: cancelled", t.cancelled(), "cancel again:", t.cancel())
    s = asyncio.create_task(self_canceller())
    try:
        await s
    except asyncio.CancelledError:
        print("self_canceller cancelled:", s.cancelled())
    # sleep(0) vs sleep(>0) when cancelled with no suspension
    async def no_await_after_cancel():
        asyncio.current_task().cancel()
        return "returned anyway"
    n = asyncio.create_task(no_await_after_cancel())
    try:
        print("no-await task result:", await n)
    except asyncio.CancelledError:
        print("no-await task cancelled:", n.cancelled())

asyncio.run(main())
