# asyncio.Runner (3.11): several runs on one loop, then close.
import asyncio

async def step(n):
    await asyncio.sleep(0.5)
    return n, asyncio.current_task().get_name(), f"{asyncio.get_running_loop().time():.3f}"

with asyncio.Runner() as runner:
    loop = runner.get_loop()
    print(runner.run(step(1)))
    print(runner.run(step(2)))
    print("same loop:", runner.get_loop() is loop, "closed:", loop.is_closed())
    # a task created on the runner's loop makes progress during later runs
    bg = loop.create_task(step(3))
    print(runner.run(step(4)))
    print("background task done?", bg.done(), bg.result()[:2])
print("closed after with:", loop.is_closed())
c = step(5)
try:
    runner.run(c)
except RuntimeError as e:
    print("RuntimeError:", e)
c.close()
r2 = asyncio.Runner()
try:
    r2.run(5)
except ValueError as e:
    print("ValueError:", e)
print(r2.run(step(6)))
r2.close()
r2.close()
print("closing twice is fine")
