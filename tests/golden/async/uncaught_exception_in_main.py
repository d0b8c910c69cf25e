# An exception escaping asyncio.run's main: traceback on stderr, exit 1;
# stdout before it is flushed in order.
import asyncio

async def helper(n):
    await asyncio.sleep(0.1)
    print("helper", n)
    if n == 2:
        raise ZeroDivisionError("division by helper")
    return n

async def main():
    for n in range(5):
        print("result", await helper(n))

asyncio.run(main())
print("never printed")
