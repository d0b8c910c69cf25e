# new_event_loop, run_until_complete, close, is_running/is_closed.
import asyncio

async def job(loop_seen, v):
    await asyncio.sleep(0.1)
    print("running loop is the new loop:", asyncio.get_running_loop() is loop_seen)
    print("is_running inside:", loop_seen.is_running())
    return v * 2

loop = asyncio.new_event_loop()
print("is_running:", loop.is_running(), "is_closed:", loop.is_closed())
print("result:", loop.run_until_complete(job(loop, 21)))
print("time advanced:", f"{loop.time():.3f}")
print("again:", loop.run_until_complete(job(loop, 5)))
fut = loop.create_future()
loop.call_later(0.5, fut.set_result, "timer result")
print(loop.run_until_complete(fut), f"{loop.time():.3f}")

async def fails():
    await asyncio.sleep(0)
    raise LookupError("from run_until_complete")
try:
    loop.run_until_complete(fails())
except LookupError as e:
    print("LookupError:", e)

# a task left pending when run_until_complete returns continues next time
async def background():
    for i in range(4):
        print("background", i)
        await asyncio.sleep(0.1)
bg = loop.create_task(background())
loop.run_until_complete(asyncio.sleep(0.15))
print("bg done after first run?", bg.done())
loop.run_until_complete(bg)
print("bg done:", bg.done())
loop.close()
print("is_closed:", loop.is_closed())
loop.close()
print("closing twice is fine")
for attempt in ("run_until_complete", "call_soon", "create_task"):
    c = job(loop, 1)
    try:
        if attempt == "run_until_complete":
            loop.run_until_complete(c)
        elif attempt == "call_soon":
            loop.call_soon(print, "x")
        else:
            loop.create_task(c)
    except RuntimeError as e:
        print(attempt, "-> RuntimeError:", e)
    c.close()
# a future from another loop
l1 = asyncio.new_event_loop()
l2 = asyncio.new_event_loop()
f = l1.create_future()
try:
    l2.run_until_complete(f)
except ValueError as e:
    print("ValueError:", e)
l1.close()
l2.close()
