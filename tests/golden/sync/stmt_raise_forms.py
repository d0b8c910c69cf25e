# raise, raise from, bare re-raise, raising classes vs instances.
def show(fn):
    try:
        fn()
    except BaseException as e:
        print(type(e).__name__, repr(e), "| cause:", repr(e.__cause__), "| context:", repr(e.__context__), "| suppress:", e.__suppress_context__)

def r1():
    raise ValueError
show(r1)
def r2():
    raise ValueError("msg")
show(r2)
def r3():
    raise KeyError("k") from TypeError("t")
show(r3)
def r4():
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("during handling")
show(r4)
def r5():
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("no context") from None
show(r5)
def r6():
    try:
        raise IndexError("inner")
    except IndexError:
        raise
show(r6)
def r7():
    try:
        raise IndexError("first")
    except IndexError as e:
        raise e
show(r7)
def r8():
    raise OSError from ValueError
show(r8)
def r9():
    try:
        raise 42
    except TypeError as e:
        print("raise int ->", e)
    try:
        raise ValueError from 5
    except TypeError as e:
        print("from int ->", e)
    try:
        raise
    except RuntimeError as e:
        print("bare raise ->", e)
show(r9)
class NotExc:
    pass
def r10():
    raise NotExc
show(r10)
def r11():
    try:
        try:
            raise ValueError("a")
        except ValueError:
            raise TypeError("b")
    except TypeError:
        raise KeyError("c")
show(r11)
try:
    r11()
except KeyError as e:
    chain = []
    x = e
    while x is not None:
        chain.append(repr(x))
        x = x.__context__
    print(" <- ".join(chain))
def r12():
    e = ValueError("reuse")
    for i in range(2):
        try:
            raise e
        except ValueError as caught:
            print("caught same object", caught is e)
r12()
def r13():
    try:
        raise ValueError("v")
    except ValueError as e:
        err = e
    try:
        print(e)
    except NameError as ne:
        print("e deleted after except:", ne)
    return err
print(repr(r13()))
def r14():
    try:
        raise StopIteration(5)
    except StopIteration as e:
        print("stop value", e.value)
r14()
ex = ValueError("set cause")
ex.__cause__ = KeyError("manual")
print(repr(ex.__cause__), ex.__suppress_context__)
try:
    raise ValueError("x") from ValueError("y")
except ValueError as e:
    print(e.__suppress_context__, repr(e.__cause__))
