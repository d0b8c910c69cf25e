# run_forever + stop; stop from a callback runs the current batch first.
import asyncio

loop = asyncio.new_event_loop()
count = 0
def tick():
    global count
    count += 1
    print(f"tick {count} at {loop.time():.3f}")
    if count < 4:
        loop.call_later(0.25, tick)
    else:
        loop.stop()
        loop.call_soon(print, "scheduled right after stop(): left over for the next run")
loop.call_soon(tick)
loop.run_forever()
print("run_forever returned; is_running:", loop.is_running())
# stop() before run_forever: runs one pass then returns
loop.call_soon(print, "ready callback A")
loop.stop()
loop.call_soon(print, "ready callback B")
loop.run_forever()
print("returned after one pass")
# a task started then run_forever stopped from within the task
async def stopper():
    print("stopper start")
    await asyncio.sleep(0.5)
    print("stopper stopping loop")
    asyncio.get_running_loop().stop()
    await asyncio.sleep(0)
    print("stopper resumed in next run")
    return "stopper done"
t = loop.create_task(stopper())
loop.run_forever()
print("task done after stop?", t.done())
print(loop.run_until_complete(t))
loop.close()
