# current_task() and all_tasks() from inside tasks and callbacks.
import asyncio

async def worker(n, delay):
    me = asyncio.current_task()
    print(f"worker{n}: current is {me.get_name()}")
    await asyncio.sleep(delay)
    names = sorted(t.get_name() for t in asyncio.all_tasks())
    print(f"worker{n}: all tasks {names}")

def callback(tag):
    print(f"callback {tag}: current_task is", asyncio.current_task())

async def main():
    print("main current:", asyncio.current_task().get_name())
    print("all:", sorted(t.get_name() for t in asyncio.all_tasks()))
    ts = [asyncio.create_task(worker(i, 0.1 * (i + 1)), name=f"w{i}") for i in range(3)]
    print("all after create:", sorted(t.get_name() for t in asyncio.all_tasks()))
    asyncio.get_running_loop().call_soon(callback, "soon")
    await asyncio.gather(*ts)
    print("all at end:", sorted(t.get_name() for t in asyncio.all_tasks()))
    print("current_task(loop) same:", asyncio.current_task(asyncio.get_running_loop()) is asyncio.current_task())
    print("all_tasks excludes done:", all(not t.done() for t in asyncio.all_tasks()))

asyncio.run(main())
try:
    asyncio.current_task()
except RuntimeError as e:
    print("outside loop:", e)
