# A TaskGroup whose children fail ends the program with the group drawn
# in boxes; the last stderr line is the box's closing line.
import asyncio

async def child(i):
    await asyncio.sleep(0.01 * i)
    if i % 2:
        raise KeyError(i)
    await asyncio.sleep(1)

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(4):
                tg.create_task(child(i))
    except* KeyError as eg:
        print("caught", sorted(e.args[0] for e in eg.exceptions))
    async with asyncio.TaskGroup() as tg:
        for i in range(4):
            tg.create_task(child(i))

asyncio.run(main())
