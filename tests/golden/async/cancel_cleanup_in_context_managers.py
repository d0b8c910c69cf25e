# Cancellation unwinds nested async context managers and generators in order.
import asyncio
import contextlib

@contextlib.asynccontextmanager
async def resource(name):
    print(f"acquire {name}")
    try:
        yield name
    finally:
        await asyncio.sleep(0.01)
        print(f"release {name}")

class Session:
    async def __aenter__(self):
        print("session open")
        return self
    async def __aexit__(self, et, ev, tb):
        print(f"session close ({et.__name__ if et else 'clean'})")
        await asyncio.sleep(0.01)
        return False

async def worker():
    async with Session():
        async with resource("db"), resource("cache"):
            try:
                await asyncio.sleep(10)
            finally:
                print("worker inner finally")

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(worker())
    await asyncio.sleep(1)
    t.cancel("shutting down")
    try:
        await t
    except asyncio.CancelledError as e:
        print(f"worker cancelled at {loop.time():.3f} with args {e.args}")

asyncio.run(main())
