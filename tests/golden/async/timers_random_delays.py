# Random delays (random seeded with 0 by the runner) drive task order.
import asyncio
import random

async def worker(name, log):
    for step in range(3):
        d = random.uniform(0.05, 0.5)
        log.append((name, step, round(d, 6)))
        await asyncio.sleep(d)
        print(f"{asyncio.get_running_loop().time():.6f} {name} step {step}")

async def main():
    log = []
    await asyncio.gather(*(worker(f"w{i}", log) for i in range(5)))
    print("draw order:", [(n, s) for n, s, _ in log][:6])
    # other random functions used for scheduling
    delays = [random.randint(1, 5) / 10 for _ in range(6)]
    print("randint delays:", delays)
    names = [f"n{i}" for i in range(6)]
    random.shuffle(names)
    print("shuffled:", names)
    print("choice:", random.choice(names), "sample:", random.sample(range(100), 5))
    print("random():", [round(random.random(), 8) for _ in range(3)])
    print("getrandbits:", random.getrandbits(32), random.randrange(0, 1000, 7))
    order = []
    async def tick(name, d):
        await asyncio.sleep(d)
        order.append(name)
    await asyncio.gather(*(tick(n, d) for n, d in zip(names, delays)))
    print("finish order:", order)

asyncio.run(main())
