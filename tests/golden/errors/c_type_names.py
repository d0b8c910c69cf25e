# CPython's C types name their module in error messages ('_asyncio.Task',
# 'collections.deque', 'itertools.count'); subclasses and reprs do not.
import asyncio, collections, itertools
async def main():
    t = asyncio.create_task(asyncio.sleep(0))
    for obj in (t, asyncio.get_running_loop().create_future(), collections.deque(), itertools.count(), asyncio.Future, collections.deque, itertools.chain):
        try:
            obj.reslt
        except AttributeError as e:
            print(e)
    try:
        asyncio.Task.x = 1
    except TypeError as e:
        print(e)
    class D(collections.deque): pass
    try:
        D().nope
    except AttributeError as e:
        print(e)
    print(repr(collections.deque([1])), repr(itertools.count(3)), D([2]))
    await t
    t.reslt()
asyncio.run(main())
