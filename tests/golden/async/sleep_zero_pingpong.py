# sleep(0) yields exactly one loop pass: tasks alternate strictly.
import asyncio

async def player(name, n, log):
    for i in range(n):
        log.append(f"{name}{i}")
        await asyncio.sleep(0)

async def main():
    log = []
    await asyncio.gather(player("A", 4, log), player("B", 3, log), player("C", 5, log))
    print(" ".join(log))
    # ping-pong with events
    ping, pong = asyncio.Event(), asyncio.Event()
    out = []
    async def pinger():
        for i in range(3):
            out.append(f"ping {i}")
            pong.clear()
            ping.set()
            await pong.wait()
    async def ponger():
        for i in range(3):
            await ping.wait()
            ping.clear()
            out.append(f"pong {i}")
            pong.set()
    await asyncio.gather(pinger(), ponger())
    print(out)
    # tasks created inside the loop join the back of the ready queue
    log = []
    async def spawner():
        for i in range(3):
            log.append(f"spawn {i}")
            asyncio.create_task(player(f"s{i}-", 2, log))
            await asyncio.sleep(0)
    await spawner()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(" ".join(log))

asyncio.run(main())
