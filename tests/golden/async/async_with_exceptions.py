# async with: __aenter__/__aexit__ order, exception info, suppression.
import asyncio

class ACM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        print(f"{self.name}: enter")
        await asyncio.sleep(0)
        return f"{self.name}-value"
    async def __aexit__(self, et, ev, tb):
        await asyncio.sleep(0)
        print(f"{self.name}: exit with {et.__name__ if et else None} {ev!r} tb? {tb is not None}")
        return self.suppress

async def main():
    async with ACM("plain") as v:
        print("body got", v)
    try:
        async with ACM("no-suppress"):
            raise ValueError("v1")
    except ValueError as e:
        print("propagated:", e)
    async with ACM("suppress", suppress=True):
        raise ValueError("v2")
    print("after suppressed block")
    # truthy non-bool return also suppresses
    async with ACM("truthy", suppress="yes"):
        raise KeyError("k")
    print("after truthy suppression")
    # return from inside the block still runs __aexit__
    async def early():
        async with ACM("early-return"):
            return "returned"
    print(await early())
    # break/continue inside loop
    for i in range(3):
        async with ACM(f"loop{i}"):
            if i == 0:
                continue
            if i == 1:
                break
    # __aexit__ raising replaces the exception
    class Replacing(ACM):
        async def __aexit__(self, et, ev, tb):
            raise RuntimeError(f"replaced {et.__name__}")
    try:
        async with Replacing("r"):
            raise ValueError("original")
    except RuntimeError as e:
        print(repr(e), "context:", repr(e.__context__))
    # exception in __aenter__: __aexit__ not called
    class BadEnter(ACM):
        async def __aenter__(self):
            raise OSError("enter failed")
    try:
        async with BadEnter("bad"):
            print("not reached")
    except OSError as e:
        print("enter error:", e)
    # not an async context manager
    class Sync:
        def __enter__(self): return self
        def __exit__(self, *a): pass
    for obj in (Sync(), None):
        try:
            async with obj:
                pass
        except (TypeError, AttributeError) as e:
            print(type(e).__name__, e)

asyncio.run(main())
