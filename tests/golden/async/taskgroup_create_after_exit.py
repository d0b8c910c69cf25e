# TaskGroup misuse: create_task after exit, before enter, re-entering.
import asyncio

async def nothing():
    await asyncio.sleep(0)
    return "nothing"

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(nothing())
    c = nothing()
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print("after exit:", e)
    print("coroutine closed by create_task?", c.cr_frame is None)
    if c.cr_frame is not None:
        c.close()
    tg2 = asyncio.TaskGroup()
    c = nothing()
    try:
        tg2.create_task(c)
    except RuntimeError as e:
        print("before enter:", e)
    if c.cr_frame is not None:
        c.close()
    try:
        async with tg:
            pass
    except RuntimeError as e:
        print("re-enter:", e)
    tg3 = asyncio.TaskGroup()
    async with tg3:
        try:
            async with tg3:
                pass
        except RuntimeError as e:
            print("nested re-enter:", e)
    # group in "shutting down" state after a failure
    async def failer():
        raise ValueError("f")
    async def late_spawner(tg):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            c = nothing()
            try:
                tg.create_task(c)
            except RuntimeError as e:
                print("while shutting down:", e)
                c.close()
            raise
    try:
        async with asyncio.TaskGroup() as tg4:
            tg4.create_task(late_spawner(tg4))
            tg4.create_task(failer())
    except* ValueError as eg:
        print("group failed with", repr(eg.exceptions))

asyncio.run(main())
