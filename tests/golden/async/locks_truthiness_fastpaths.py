# Truth testing of user classes (hook flags) and Lock/Semaphore acquire paths.
class A: pass
class B:
    def __len__(self): return 0
class C(B): pass
class D: 
    def __bool__(self): return False
a, c = A(), C()
print(bool(a), bool(c), bool(D()), not a, not c)
A.__len__ = lambda self: 0
print(bool(a), not a)
del A.__len__
print(bool(a))
B.__bool__ = lambda self: True
print(bool(c))
class E:
    __bool__ = None
try: bool(E())
except TypeError as e: print(e)
class F:
    def __bool__(self): return 1
try: bool(F())
except TypeError as e: print(e)
class M(type):
    def __len__(cls): return 0
class G(metaclass=M): pass
print(bool(G), bool(G()))
import asyncio
async def main():
    lock = asyncio.Lock(); sem = asyncio.Semaphore(2)
    print(lock.locked(), sem.locked(), repr(lock)[-10:], repr(sem)[-20:])
    async def w(i):
        async with lock:
            async with sem:
                await asyncio.sleep(0)
                print("in", i, lock.locked(), sem.locked())
    ts = [asyncio.create_task(w(i)) for i in range(4)]
    await asyncio.sleep(0)
    ts[2].cancel()
    r = await asyncio.gather(*ts, return_exceptions=True)
    print([type(x).__name__ for x in r], lock.locked(), sem.locked())
    s0 = asyncio.Semaphore(0)
    print(s0.locked())
    t = asyncio.create_task(s0.acquire()); await asyncio.sleep(0); t.cancel(); await asyncio.sleep(0)
    print(s0.locked(), s0._waiters is not None)
    s0.release(); print(s0.locked())
asyncio.run(main())
