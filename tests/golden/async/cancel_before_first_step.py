# Cancelling a task before it ever ran: its body never executes.
import asyncio

async def body(name):
    print(f"{name}: body started")   # never printed for cancelled tasks
    try:
        await asyncio.sleep(0)
    finally:
        print(f"{name}: finally")
    return name

async def main():
    t = asyncio.create_task(body("A"))
    u = asyncio.create_task(body("B"))
    print("cancel A:", t.cancel())
    print("A done right after cancel?", t.done(), "cancelling:", t.cancelling())
    await asyncio.sleep(0)
    print("A done after one yield?", t.done(), "cancelled:", t.cancelled())
    print("B done?", u.done())
    print("B result:", await u)
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiting A raised CancelledError", e.args)
    # cancel with a message before first step
    v = asyncio.create_task(body("C"))
    v.cancel("early bird")
    try:
        await v
    except asyncio.CancelledError as e:
        print("awaiting C raised CancelledError", e.args)
    try:
        v.result()
    except asyncio.CancelledError as e:
        print("C.result() raised CancelledError", e.args)

asyncio.run(main())
