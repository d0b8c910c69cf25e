# Default task names are Task-N from a process-wide counter. asyncio.run
# creates a task for main and (at shutdown) tasks for shutdown_asyncgens and
# shutdown_default_executor; run_until_complete wraps coroutines in tasks.
import asyncio

async def child():
    await asyncio.sleep(0)
    return asyncio.current_task().get_name()

async def main(label):
    me = asyncio.current_task()
    print(label, "main is", me.get_name())
    t1 = asyncio.create_task(child())
    t2 = asyncio.create_task(child(), name="custom")
    t3 = asyncio.ensure_future(child())
    print(label, "children", t1.get_name(), t2.get_name(), t3.get_name())
    print(label, "results", await t1, await t2, await t3)
    g = asyncio.gather(child(), child())
    print(label, "gather children", await g)

asyncio.run(main("run1"))
asyncio.run(main("run2"))

loop = asyncio.new_event_loop()
print("run_until_complete(coro):", loop.run_until_complete(child()))
fut = loop.create_future()
loop.call_soon(fut.set_result, "plain future")
print("run_until_complete(future):", loop.run_until_complete(fut))
t = loop.create_task(child())
print("loop.create_task name:", t.get_name())
print("run_until_complete(task):", loop.run_until_complete(t))
loop.close()

asyncio.run(main("run3"))

async def names_of_non_str():
    t = asyncio.create_task(child(), name=123)
    print("name=123 ->", repr(t.get_name()))
    t.set_name(("a", 1))
    print("set_name(tuple) ->", repr(t.get_name()))
    await t
    t.set_name("after-done")
    print("set_name after done ->", t.get_name())

asyncio.run(names_of_non_str())
