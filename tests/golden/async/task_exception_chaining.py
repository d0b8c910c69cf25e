# __cause__ and __context__ survive the trip through a task.
import asyncio

async def low():
    await asyncio.sleep(0.1)
    raise KeyError("low-level")

async def mid():
    try:
        await low()
    except KeyError as e:
        raise ValueError("mid-level") from e

async def implicit():
    try:
        await low()
    except KeyError:
        raise RuntimeError("while handling")

async def suppressed():
    try:
        await low()
    except KeyError:
        raise OSError("no context") from None

async def main():
    for fn in (mid, implicit, suppressed):
        t = asyncio.create_task(fn())
        try:
            await t
        except Exception as e:
            print(fn.__name__, "->", repr(e))
            print("   cause:", repr(e.__cause__), "context:", repr(e.__context__),
                  "suppress_context:", e.__suppress_context__)
    # exception raised in an except block in the awaiting task gets context
    t = asyncio.create_task(low())
    try:
        try:
            await t
        except KeyError:
            raise IndexError("handler failed")
    except IndexError as e:
        print("handler chain:", repr(e), "<-", repr(e.__context__))
    # traceback frame names
    t = asyncio.create_task(mid())
    try:
        await t
    except ValueError as e:
        tb = e.__traceback__
        names = []
        while tb is not None:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        print("traceback frames:", names)
        tb = e.__cause__.__traceback__
        names = []
        while tb is not None:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        print("cause frames:", names)

asyncio.run(main())
