# done/result/exception/cancelled/get_coro on tasks in each state.
import asyncio

async def ok():
    await asyncio.sleep(0.1)
    return "ok-value"

async def bad():
    await asyncio.sleep(0.1)
    raise ValueError("bad-value")

async def slow():
    await asyncio.sleep(10)

def show(label, t):
    print(f"{label}: done={t.done()} cancelled={t.cancelled()}")
    try:
        print(f"  result -> {t.result()!r}")
    except BaseException as e:
        print(f"  result raises {type(e).__name__}: {e}")
    try:
        print(f"  exception -> {t.exception()!r}")
    except BaseException as e:
        print(f"  exception raises {type(e).__name__}: {e}")

async def main():
    t_ok = asyncio.create_task(ok())
    t_bad = asyncio.create_task(bad())
    t_slow = asyncio.create_task(slow())
    print("get_coro is the coroutine:", t_ok.get_coro().__qualname__)
    show("ok pending", t_ok)
    await asyncio.sleep(0.2)
    show("ok finished", t_ok)
    show("bad finished", t_bad)
    print("cancel returns", t_slow.cancel())
    show("slow cancelling (not yet done)", t_slow)
    await asyncio.sleep(0)
    show("slow cancelled", t_slow)
    print("cancel on done task returns", t_slow.cancel(), t_ok.cancel())
    # Tasks do not support set_result/set_exception
    for meth, arg in [("set_result", 1), ("set_exception", ValueError())]:
        try:
            getattr(t_ok, meth)(arg)
        except RuntimeError as e:
            print(f"{meth}: RuntimeError: {e}")

asyncio.run(main())
