# Which objects take arbitrary attributes: asyncio Future/Task do, deque
# does not, instances of user subclasses of built-ins do (and have __dict__).
import asyncio, collections
try:
    d = collections.deque(); d.x = 1; print('deque ok')
except AttributeError as e:
    print(type(e).__name__)
class D(collections.deque):
    pass
dd = D([1, 2]); dd.tag = "t"; print(dd, dd.tag, dd.__dict__)
try:
    print(collections.deque().__dict__)
except AttributeError as e:
    print(type(e).__name__, e.name)
async def work(n):
    await asyncio.sleep(0.01 * n)
    return n
async def m():
    f = asyncio.get_running_loop().create_future()
    f.x = 1
    print('fut', f.x)
    del f.x
    print(hasattr(f, 'x'))
    tasks = []
    for i in range(3):
        t = asyncio.create_task(work(i))
        t.job_id = f"job-{i}"
        tasks.append(t)
    for t in asyncio.as_completed(tasks):
        r = await t
        print(r)
    print([t.job_id for t in tasks])
    try:
        asyncio.Future.y = 2
    except TypeError as e:
        print(type(e).__name__)
    try:
        f.z
    except AttributeError as e:
        print(type(e).__name__, e.name)
asyncio.run(m())
class L(list): pass
l = L([1]); print(l.__dict__); l.a = 1; print(l.__dict__, vars(l))
l.__dict__ = {"b": 2}; print(l.b, vars(l))
class E(ValueError): pass
e = E("x"); print(e.__dict__); e.k = 1; print(e.__dict__)
class S(str):
    __slots__ = ()
try:
    S("a").__dict__
except AttributeError as ex:
    print(ex)
class P: pass
p = P(); p.__dict__ = {"z": 1}; print(p.z)
class I(int): pass
i = I(5); i.q = 2; print(i, i.q, i.__dict__)
