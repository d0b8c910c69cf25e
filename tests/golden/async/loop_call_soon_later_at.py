# call_soon is FIFO; call_later/call_at fire by deadline; callbacks get args.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    done = loop.create_future()
    def cb(tag, *rest):
        print(f"{tag} at +{loop.time() - t0:.3f}", *rest)
    loop.call_later(0.3, cb, "later 0.3")
    loop.call_soon(cb, "soon 1")
    loop.call_at(t0 + 0.1, cb, "at +0.1")
    loop.call_later(0.2, cb, "later 0.2", "extra", "args")
    loop.call_soon(cb, "soon 2")
    loop.call_later(0, cb, "later 0")
    loop.call_later(-1, cb, "later -1")
    loop.call_at(t0 - 5, cb, "at past")
    loop.call_soon(cb, "soon 3")
    def nested():
        cb("nested soon runs")
        loop.call_soon(cb, "scheduled from nested (next pass)")
        loop.call_later(0, cb, "later 0 from nested")
    loop.call_soon(nested)
    loop.call_soon(cb, "soon 4")
    loop.call_later(0.4, done.set_result, None)
    print("all scheduled")
    await done
    # handles
    h = loop.call_later(1, cb, "x")
    print("TimerHandle:", type(h).__name__, f"when=+{h.when() - loop.time():.3f}", h.cancelled())
    h.cancel()
    h2 = loop.call_soon(cb, "y")
    print("Handle:", type(h2).__name__, h2.cancelled())
    h2.cancel()
    await asyncio.sleep(0)
    print("cancelled handles did not run")
    # handles of callbacks that already ran
    h3 = loop.call_soon(cb, "z")
    await asyncio.sleep(0)
    h3.cancel()
    print("cancel after run: cancelled() =", h3.cancelled())

asyncio.run(main())
