# Futures: create, set_result/set_exception, and InvalidStateError messages.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print("loop matches:", f.get_loop() is loop)
    print("pending:", f.done(), f.cancelled())
    for meth in ("result", "exception"):
        try:
            getattr(f, meth)()
        except asyncio.InvalidStateError as e:
            print(f"{meth}() on pending: InvalidStateError: {e}")
    f.set_result(10)
    print("done:", f.done(), "result:", f.result(), "exception:", f.exception())
    for meth, arg in (("set_result", 11), ("set_exception", ValueError("x"))):
        try:
            getattr(f, meth)(arg)
        except asyncio.InvalidStateError as e:
            print(f"{meth}() on done: InvalidStateError: {e}")
    print("cancel on done future:", f.cancel())

    g = loop.create_future()
    g.set_exception(KeyError("key"))
    print("exception:", repr(g.exception()))
    try:
        g.result()
    except KeyError as e:
        print("result() raises KeyError", e)
    # exception class instead of instance
    h = loop.create_future()
    h.set_exception(ValueError)
    print("class becomes instance:", repr(h.exception()))
    # StopIteration is refused
    k = loop.create_future()
    try:
        k.set_exception(StopIteration("no"))
    except TypeError as e:
        print("TypeError:", e)
    try:
        k.set_exception(StopIteration)
    except TypeError as e:
        print("TypeError:", e)
    print("k still pending:", not k.done())
    k.cancel()
    print("cancelled k:", k.cancelled(), k.done())
    try:
        k.set_result(1)
    except asyncio.InvalidStateError as e:
        print("set_result on cancelled: InvalidStateError:", e)
    # await a future
    m = loop.create_future()
    loop.call_later(0.3, m.set_result, "late")
    print("await:", await m, f"at {loop.time():.3f}")
    # asyncio.Future() with no loop inside a coroutine uses the running loop
    n = asyncio.Future()
    print("Future() uses running loop:", n.get_loop() is loop)
    n.set_result(None)
    c = main()
    print(asyncio.isfuture(n), asyncio.isfuture(c), asyncio.isfuture(asyncio.current_task()))
    c.close()

asyncio.run(main())
