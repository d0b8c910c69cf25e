# Tasks run in a copy of the context current at their creation.
import asyncio
import contextvars

request = contextvars.ContextVar("request", default="none")

async def handler(name):
    print(f"{name}: sees {request.get()}")
    request.set(f"set-by-{name}")
    await asyncio.sleep(0.01)
    print(f"{name}: after sleep sees {request.get()}")

async def main():
    print("main:", request.get())
    request.set("main-value")
    t1 = asyncio.create_task(handler("t1"))
    request.set("changed-after-t1")
    t2 = asyncio.create_task(handler("t2"))
    await asyncio.gather(t1, t2)
    print("main still sees:", request.get())
    # awaiting a coroutine directly shares the context
    await handler("direct")
    print("main after direct await:", request.get())
    # explicit context for a task
    ctx = contextvars.Context()
    t3 = asyncio.create_task(handler("t3"), context=ctx)
    await t3
    print("ctx after t3:", ctx[request])
    # call_soon with context
    loop = asyncio.get_running_loop()
    ctx2 = contextvars.copy_context()
    ctx2.run(request.set, "ctx2-value")
    loop.call_soon(lambda: print("callback sees:", request.get()), context=ctx2)
    loop.call_soon(lambda: print("callback default context sees:", request.get()))
    await asyncio.sleep(0)
    # gather children get copies too
    async def child(i):
        request.set(f"child{i}")
        await asyncio.sleep(0)
        return request.get()
    print(await asyncio.gather(child(1), child(2)))
    print("main finally:", request.get())

asyncio.run(main())
print("outside:", request.get())
