# Exceptions in callbacks don't stop the loop; custom exception handlers.
import asyncio

def handler(loop, context):
    exc = context.get("exception")
    print("handler:", context["message"].split(" ")[0:3], type(exc).__name__, exc)

async def main():
    loop = asyncio.get_running_loop()
    print("default handler:", loop.get_exception_handler())
    loop.set_exception_handler(handler)
    print("handler installed:", loop.get_exception_handler() is handler)
    def bad():
        raise ValueError("callback failed")
    loop.call_soon(bad)
    loop.call_soon(print, "next callback still runs")
    loop.call_soon(42)   # not checked when scheduled (debug mode off)
    loop.call_later(0.1, bad)
    await asyncio.sleep(0.2)
    print("loop survived")
    # call_exception_handler directly
    loop.call_exception_handler({"message": "custom message here", "exception": KeyError("k")})
    loop.call_exception_handler({"message": "no exception key"})
    # an exception raised by the handler itself is reported by the default one (stderr)
    def broken_handler(loop, context):
        print("broken handler called")
        raise RuntimeError("handler broke")
    loop.set_exception_handler(broken_handler)
    loop.call_soon(bad)
    await asyncio.sleep(0)
    print("still alive")
    loop.set_exception_handler(None)
    print("reset:", loop.get_exception_handler())
    try:
        loop.set_exception_handler(5)
    except TypeError as e:
        print("TypeError:", e)
    loop.call_soon(bad)   # default handler logs to stderr
    await asyncio.sleep(0)
    print("done")

asyncio.run(main())
