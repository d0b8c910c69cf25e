# get_running_loop/get_event_loop inside coroutines and callbacks.
import asyncio

def in_callback(loop):
    print("callback: running loop is loop:", asyncio.get_running_loop() is loop)
    print("callback: get_event_loop is loop:", asyncio.get_event_loop() is loop)

async def main():
    loop = asyncio.get_running_loop()
    print("get_event_loop() is running loop:", asyncio.get_event_loop() is loop)
    print("is_running:", loop.is_running(), "is_closed:", loop.is_closed())
    loop.call_soon(in_callback, loop)
    await asyncio.sleep(0)
    print("task loop:", asyncio.current_task().get_loop() is loop)
    fut = asyncio.get_running_loop().create_future()
    print("future loop:", fut.get_loop() is loop)
    fut.cancel()
    return loop

loop = asyncio.run(main())
print("after run: is_closed:", loop.is_closed(), "is_running:", loop.is_running())
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
