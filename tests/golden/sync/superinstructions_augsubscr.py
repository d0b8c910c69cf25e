# `a[k] op= v` and `x op y` of two locals run as fused instructions
# (compiler/peephole.rs): results, and errors raised by each part with the
# line CPython names.


def lines(e):
    out = []
    tb = e.__traceback__
    while tb is not None:
        out.append(tb.tb_lineno)
        tb = tb.tb_next
    return out


def attempt(label, f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print(label, type(e).__name__, e, lines(e))
    else:
        print(label, "->", r)


# a[const] op= v
def const_key(a, v):
    a[0] += v
    a[-1] -= v
    a[1] *= v
    return a


attempt("list ints", const_key, [1, 2, 3], 5)
attempt("list floats", const_key, [1.5, 2.5, 3.5], 0.25)
attempt("list mixed", const_key, [1, 2.0, 3], 2)
attempt("list strs", const_key, ["a", "b", "c"], "x")
attempt("short list", const_key, [1], 2)
attempt("empty list", const_key, [], 2)
attempt("tuple", const_key, (1, 2, 3), 1)
attempt("bad operand", const_key, [1, 2, 3], "s")
attempt("dict", const_key, {0: 1, -1: 2, 1: 3}, 4)
attempt("dict missing", const_key, {0: 1}, 4)
attempt("not subscriptable", const_key, 5, 1)


def big(a):
    a[0] *= 10 ** 30
    a[1] += 2 ** 62
    a[1] += 2 ** 62
    return a


attempt("overflow", big, [3, 2 ** 62])


# a[local] op= v
def local_key(a, k, v):
    a[k] += v
    return a


attempt("neg index", local_key, [1, 2, 3], -2, 10)
attempt("index out of range", local_key, [1, 2, 3], 3, 10)
attempt("neg out of range", local_key, [1, 2, 3], -4, 10)
attempt("bool key", local_key, [1, 2, 3], True, 10)
attempt("float key", local_key, [1, 2, 3], 1.0, 10)
attempt("str dict", local_key, {"w": 1}, "w", 1)
attempt("tuple key", local_key, {("a", "b"): 1}, ("a", "b"), 1)
attempt("missing key", local_key, {"w": 1}, "v", 1)
attempt("unhashable key", local_key, {"w": 1}, ["w"], 1)


class I(int):
    def __index__(self):
        print("  __index__")
        return int(self)


attempt("int subclass key", local_key, [1, 2, 3], I(2), 1)


class F(float):
    def __add__(self, other):
        return F(float(self) + other + 100)


attempt("float subclass item", local_key, [F(1.0)], 0, 1.0)
attempt("float subclass rhs", local_key, [1.0], 0, F(2.0))


class B(list):
    def __iadd__(self, other):
        print("  __iadd__", other)
        self.extend(other)
        return self


attempt("list item iadd", local_key, [[1], B([2])], 1, [3])


def unbound_container(flag, k):
    if flag:
        a = [1]
    a[k] += 1
    return a


def unbound_key(flag, a):
    if flag:
        k = 0
    a[k] += 1
    return a


attempt("unbound container", unbound_container, False, 0)
attempt("unbound key", unbound_key, False, [1])
attempt("bound both", unbound_key, True, [1])


class Logged:
    def __init__(self):
        self.d = {}

    def __getitem__(self, k):
        print("  get", k)
        if k == "bad":
            raise LookupError("no " + k)
        return self.d.get(k, 0)

    def __setitem__(self, k, v):
        print("  set", k, v)
        if v == 99:
            raise ValueError("refused")
        self.d[k] = v


def logged(o, k, v):
    o[k] += v
    o["c"] -= v
    return o.d


attempt("logged", logged, Logged(), "a", 2)
attempt("logged get fails", logged, Logged(), "bad", 2)
attempt("logged set fails", logged, Logged(), "a", 99)


def handler_inside(a):
    for k in range(4):
        try:
            a[k] += 1
        except IndexError as e:
            print("  caught", e)
    return a


attempt("handler", handler_inside, [10, 20])


def gen(a, k):
    a[k] += yield "first"
    a[k] += yield "second"
    yield a


g = gen([5, 6], 1)
print(next(g), g.send(10), g.send(20))


# x op y, both locals
def two_locals(x, y):
    return x * y + x - y


attempt("ints", two_locals, 6, 7)
attempt("floats", two_locals, 1.5, 0.5)
attempt("int float", two_locals, 3, 0.5)
attempt("bools", two_locals, True, True)
attempt("strs", two_locals, "ab", "cd")
attempt("str int", two_locals, "ab", 3)
attempt("big", two_locals, 2 ** 40, 2 ** 40)


def div(x, y):
    return x / y


attempt("div", div, 7, 2)
attempt("div zero", div, 7, 0)
attempt("float div zero", div, 7.0, 0.0)


def first_unbound(flag, y):
    if flag:
        x = 1
    return x - y


def second_unbound(flag, x):
    if flag:
        y = 1
    return x - y


attempt("first unbound", first_unbound, False, 1)
attempt("second unbound", second_unbound, False, 1)


class V:
    def __init__(self, v):
        self.v = v

    def __sub__(self, other):
        return V(self.v - other.v)

    def __rsub__(self, other):
        return V(other - self.v)

    def __repr__(self):
        return "V(%r)" % self.v


attempt("user sub", second_unbound, True, V(5))
attempt("user rsub", first_unbound, True, V(5))


def aug_local(x, y):
    x += y
    x -= y * y
    return x


attempt("aug local", aug_local, 10, 3)
attempt("aug list", aug_local, [1], [2])
