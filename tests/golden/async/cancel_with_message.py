# Cancellation messages: what CancelledError args look like where.
import asyncio

async def sleeper(seen):
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError as e:
        seen.append(e.args)
        raise

async def main():
    seen = []
    t = asyncio.create_task(sleeper(seen))
    await asyncio.sleep(0)
    t.cancel("stop now")
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiter got args:", e.args)
    print("inside the task saw:", seen)
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("result() args:", e.args)
    try:
        t.exception()
    except asyncio.CancelledError as e:
        print("exception() args:", e.args)

    # two cancels: the second message is ignored? print what happens
    seen = []
    t = asyncio.create_task(sleeper(seen))
    await asyncio.sleep(0)
    print("first cancel:", t.cancel("first"))
    print("second cancel:", t.cancel("second"))
    try:
        await t
    except asyncio.CancelledError as e:
        print("double-cancel awaiter args:", e.args)
    print("double-cancel inside:", seen)

    # message via a future
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.cancel(msg="future msg")
    try:
        f.result()
    except asyncio.CancelledError as e:
        print("future result() args:", e.args)
    try:
        await f
    except asyncio.CancelledError as e:
        print("await future args:", e.args)

    # CancelledError raised manually inside a task
    async def self_cancel():
        raise asyncio.CancelledError("manual")
    t = asyncio.create_task(self_cancel())
    try:
        await t
    except asyncio.CancelledError as e:
        print("manual raise args:", e.args, "cancelled():", t.cancelled())

asyncio.run(main())
