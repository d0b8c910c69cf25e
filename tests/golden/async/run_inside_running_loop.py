# asyncio.run() and loop.run_until_complete() cannot nest inside a running loop.
import asyncio

async def inner():
    return "inner"

async def main():
    c = inner()
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    c.close()
    loop = asyncio.get_running_loop()
    c = inner()
    try:
        loop.run_until_complete(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    c.close()
    try:
        loop.run_forever()
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("is_running:", loop.is_running())
    return await inner()

print(asyncio.run(main()))
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
