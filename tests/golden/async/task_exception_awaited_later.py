# A task's exception is stored; it is raised every time the task is awaited.
import asyncio

class CustomError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code

async def failing(code, delay):
    await asyncio.sleep(delay)
    print(f"failing({code}) raising")
    raise CustomError(code)

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(failing(7, 0.1))
    await asyncio.sleep(1)
    print("task done:", t.done(), f"t={loop.time():.3f}")
    for attempt in range(2):
        try:
            await t
        except CustomError as e:
            print(f"attempt {attempt}: caught {e!r} code={e.code}")
    exc = t.exception()
    print("same object every time:", exc is t.exception())
    try:
        t.result()
    except CustomError as e:
        print("result() raises same object:", e is exc)
    # exceptions awaited through several layers keep the original object
    async def layer(n, inner):
        try:
            return await inner
        except CustomError as e:
            print(f"layer {n} sees {e!r}")
            raise
    t2 = asyncio.create_task(failing(9, 0.1))
    try:
        await layer(1, layer(2, t2))
    except CustomError as e:
        print("top sees the same object:", e is t2.exception())

asyncio.run(main())
