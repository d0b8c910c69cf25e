# global and nonlocal declarations.
counter = 0
def incr():
    global counter
    counter += 1
    return counter
incr(); incr()
print("counter", counter)
def make_global():
    global brand_new
    brand_new = "created"
make_global()
print(brand_new)
def outer():
    x = 1
    def inner():
        nonlocal x
        x += 10
        return x
    inner()
    inner()
    return x
print("outer", outer())
def make_counter():
    count = 0
    def step(n=1):
        nonlocal count
        count += n
        return count
    return step
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(5), c2())
def levels():
    a = 'L1'
    def mid():
        a = 'L2'
        def inner():
            nonlocal a
            a = 'L3 set by inner'
        inner()
        return a
    r = mid()
    return a, r
print(levels())
def shadow():
    counter = 'local'
    def g():
        global counter
        return counter
    return g(), counter
print(shadow())
x = 'global x'
def read_only():
    return x
def local_only():
    x = 'local x'
    return x
print(read_only(), local_only(), x)
def unbound():
    try:
        print(x)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    x = 1
unbound()
def nl_loop():
    funcs = []
    total = 0
    for i in range(3):
        def add(i=i):
            nonlocal total
            total += i
        funcs.append(add)
    for f in funcs:
        f()
    return total
print("nl_loop", nl_loop())
class K:
    def m(self):
        global counter
        counter = 100
K().m()
print("counter", counter)
def gen_nonlocal():
    state = []
    def g():
        nonlocal state
        state = state + [len(state)]
        yield state
    return g
gg = gen_nonlocal()
print(next(gg()), next(gg()))
def comp_global():
    global counter
    return [counter + i for i in range(2)]
print(comp_global())
