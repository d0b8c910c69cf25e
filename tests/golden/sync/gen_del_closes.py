# A suspended generator whose last reference goes away is closed at once:
# its `finally` blocks and `with` exits run before the next statement.
import gc

def gen(tag):
    try:
        yield 1
        yield 2
    finally:
        print("cleanup", tag)

class Res:
    def __init__(self, tag):
        self.tag = tag
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("exit", self.tag, exc[0].__name__ if exc[0] else None)
        return False

def with_gen(tag):
    with Res(tag):
        yield "a"
        yield "b"

g = gen("module del"); next(g)
del g
print("after module del")

def local_del():
    h = gen("local del"); next(h)
    del h
    print("after local del")
local_del()

def global_del():
    global gg
    gg = gen("global del"); next(gg)
    del gg
    print("after global del")
global_del()

# another reference keeps it alive: nothing runs until that one goes too
a = gen("shared"); next(a)
b = a
del a
print("still alive:", next(b))
del b
print("after second del")

w = with_gen("with"); next(w)
del w
print("after with del")

# not started, finished, or suspended outside a try: closing runs nothing
n = gen("never started")
del n
f = gen("finished"); list(f)
del f
def plain():
    yield 1
p = plain(); next(p)
del p
print("quiet dels done")

# dropped by rebinding: closed by the next collection at the latest
r = gen("rebound"); next(r)
r = None
gc.collect()
print("after collect")

# a generator suspended inside `yield from`: closing closes the inner one
def outer():
    try:
        yield from gen("inner")
    finally:
        print("outer cleanup")
o = outer(); next(o)
del o
print("after outer del")

# an error in the cleanup is unraisable (stderr); the program goes on
def bad():
    try:
        yield 1
    finally:
        raise ValueError("in finally")
x = bad(); next(x)
del x
print("after bad del")

last = gen("at exit"); next(last)
print("end")
