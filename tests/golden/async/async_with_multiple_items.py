# Several context managers in one async with: enter in order, exit reversed.
import asyncio

class R:
    def __init__(self, name, fail_enter=False, suppress=False):
        self.name, self.fail_enter, self.suppress = name, fail_enter, suppress
    async def __aenter__(self):
        print(f"enter {self.name}")
        await asyncio.sleep(0.01)
        if self.fail_enter:
            raise ValueError(f"{self.name} enter failed")
        return self.name
    async def __aexit__(self, et, ev, tb):
        print(f"exit {self.name} ({et.__name__ if et else 'clean'})")
        await asyncio.sleep(0.01)
        return self.suppress

class SyncCM:
    def __enter__(self):
        print("enter sync")
        return "sync"
    def __exit__(self, *exc):
        print("exit sync")

async def main():
    async with R("a") as a, R("b") as b, R("c") as c:
        print("body:", a, b, c)
    try:
        async with R("a"), R("b", fail_enter=True), R("c"):
            print("not reached")
    except ValueError as e:
        print("caught:", e)
    async with R("outer", suppress=True), R("inner"):
        raise KeyError("body")
    print("outer suppressed the error")
    # mixing async and sync managers in nested statements
    async with R("x") as x:
        with SyncCM() as s:
            async with R("y") as y:
                print("nested body:", x, s, y)
    # parenthesised form
    async with (
        R("p1") as p1,
        R("p2") as p2,
    ):
        print("parenthesised:", p1, p2)

asyncio.run(main())
