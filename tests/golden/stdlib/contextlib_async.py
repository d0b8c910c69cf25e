# contextlib: asynccontextmanager, aclosing, AsyncExitStack under asyncio.
import asyncio
from contextlib import asynccontextmanager, aclosing, AsyncExitStack, nullcontext


@asynccontextmanager
async def connection(name):
    print('open', name)
    await asyncio.sleep(0.1)
    try:
        yield f'conn-{name}'
    finally:
        await asyncio.sleep(0.1)
        print('close', name)


@asynccontextmanager
async def guard():
    try:
        yield
    except ValueError as e:
        print('guard handled', e)


@asynccontextmanager
async def bad():
    if False:
        yield


@asynccontextmanager
async def bad2():
    yield 1
    yield 2


async def ticker(n):
    for i in range(n):
        yield i
        await asyncio.sleep(0)


class ACM:
    def __init__(self, n):
        self.n = n

    async def __aenter__(self):
        print('aenter', self.n)
        return self.n

    async def __aexit__(self, *exc):
        print('aexit', self.n)


async def main():
    async with connection('db') as c:
        print('using', c)
    try:
        async with connection('x'):
            raise KeyError('k')
    except KeyError as e:
        print('caught', repr(e))
    async with guard():
        raise ValueError('v')
    print('after guard')
    for cm in (bad(), bad2()):
        try:
            async with cm:
                pass
        except RuntimeError as e:
            print('RuntimeError:', e)
    async with aclosing(ticker(5)) as t:
        async for i in t:
            print('tick', i)
            if i == 2:
                break
    async with AsyncExitStack() as stack:
        a = await stack.enter_async_context(ACM(1))
        b = await stack.enter_async_context(connection('s'))
        stack.push_async_callback(asyncio.sleep, 0)
        stack.callback(print, 'sync callback')
        print('stack values', a, b)
    async with nullcontext('n') as n:
        print('async nullcontext', n)

    @connection('deco')
    async def job():
        print('job runs')
    await job()
    print('loop time', asyncio.get_running_loop().time() > 0)


asyncio.run(main())
