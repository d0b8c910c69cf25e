# asyncio.run() with something that is not a coroutine: ValueError, exit 1.
import asyncio

print("before")
try:
    asyncio.run(print)
except ValueError as e:
    print("caught:", e)
asyncio.run(5)
print("not reached")
