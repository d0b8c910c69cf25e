# Micro-figure: bytes of resident memory per parked task: 100,000 tasks
# blocked on one asyncio.Event; VmRSS (from /proc/self/status) before
# creating them and once all are parked.  Prints "#metric parked_bytes <v>".
# kind: micro
import asyncio
import sys

def vmrss_kb():
    with open("/proc/self/status") as f:
        for line in f.read().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1

async def parked(ev, i):
    await ev.wait()
    return i

async def main(n):
    ev = asyncio.Event()
    await asyncio.sleep(0)
    before = vmrss_kb()
    tasks = [asyncio.create_task(parked(ev, i)) for i in range(n)]
    await asyncio.sleep(0)          # every task has run up to ev.wait()
    after = vmrss_kb()
    waiting = sum(1 for t in tasks if not t.done())
    ev.set()
    res = await asyncio.gather(*tasks)
    return waiting, sum(res), (after - before) * 1024 / n

def run():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    waiting, s, per = asyncio.run(main(n))
    print("parked", waiting, "sum", s)
    assert waiting == n and s == n * (n - 1) // 2
    print("#metric parked_bytes %.0f" % per)
    print("ok")

run()
