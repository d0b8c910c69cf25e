# Future done callbacks are scheduled with call_soon in registration order
# when the result is set; they interleave with other ready callbacks.
import asyncio
import functools

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    def cb(tag, fut):
        print(f"cb {tag}: {fut.result()}")
    f.add_done_callback(functools.partial(cb, "one"))
    loop.call_soon(print, "plain call_soon #1")
    f.add_done_callback(functools.partial(cb, "two"))
    f.set_result("R")
    loop.call_soon(print, "plain call_soon #2 (after set_result)")
    f.add_done_callback(functools.partial(cb, "three (added after done)"))
    print("set_result returned; callbacks not yet run")
    await asyncio.sleep(0)
    print("after one yield")
    # callbacks registered with remove in between
    g = loop.create_future()
    def c1(fut): print("c1")
    def c2(fut): print("c2")
    for c in (c1, c2, c1, c2, c1):
        g.add_done_callback(c)
    print("remove c1 ->", g.remove_done_callback(c1))
    g.set_result(None)
    await asyncio.sleep(0)
    # a callback that schedules further callbacks
    h = loop.create_future()
    def chain(fut):
        print("chain runs, scheduling more")
        loop.call_soon(print, "scheduled by chain")
    h.add_done_callback(chain)
    h.add_done_callback(lambda fut: print("second callback"))
    h.set_result(1)
    await asyncio.sleep(0)
    print("after yield: chain's call_soon not yet run?")
    await asyncio.sleep(0)
    print("end")
    # context passed to add_done_callback
    import contextvars
    var = contextvars.ContextVar("var", default="default")
    ctx = contextvars.copy_context()
    ctx.run(var.set, "in-ctx")
    k = loop.create_future()
    k.add_done_callback(lambda fut: print("var seen:", var.get()), context=ctx)
    k.add_done_callback(lambda fut: print("var seen without ctx:", var.get()))
    k.set_result(0)
    await asyncio.sleep(0)

asyncio.run(main())
