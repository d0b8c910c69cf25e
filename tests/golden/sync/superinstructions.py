# Runs of instructions the compiler fuses into one (compiler/peephole.rs):
# results, and errors raised by each part with the line CPython names.


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


# LoadFast LoadFast: the first or the second unbound.
def first_unbound(flag):
    if flag:
        a = 1
    b = 2
    return a + b


def second_unbound(flag):
    a = 1
    if flag:
        b = 2
    return a + b


attempt("ll ok", first_unbound, True)
attempt("ll first", first_unbound, False)
attempt("ll second", second_unbound, False)


# StoreFast LoadFast: the store happens before the load fails.
def store_then_unbound(flag):
    if flag:
        y = 5
    x = 3
    return y


def store_load(n):
    x = n * 2
    return x


attempt("sl ok", store_load, 4)
attempt("sl unbound", store_then_unbound, False)


# LoadFast LoadConst (BinaryOp / InplaceOp / CompareOp / other)
def add_const(x):
    return x + 1


def iadd_const(x):
    x += [1]
    return x


def iadd_bad(x):
    x += 1
    return x


def lt_const(x):
    if x < 10:
        return "small"
    return "big"


def lt_value(x):
    r = x < 10
    return r


def const_unbound(flag):
    if flag:
        x = 1
    return x + 1


def cmp_unbound(flag):
    if flag:
        x = 1
    return x < 1


def load_then_const(x):
    return [x, 7]


attempt("lcb int", add_const, 41)
attempt("lcb big", add_const, 2**62 + 2**62 - 1)
attempt("lcb float", add_const, 0.5)
attempt("lcb str", add_const, "a")
lst = [0]
attempt("lci list", iadd_const, lst)
print(lst)
attempt("lci tuple", iadd_const, (0,))
attempt("lci bad", iadd_bad, [0])
attempt("lcc small", lt_const, 3)
attempt("lcc big", lt_const, 30)
attempt("lcc float", lt_const, 9.5)
attempt("lcc str", lt_const, "x")
attempt("lcc value", lt_value, 3)
attempt("lcc value str", lt_value, None)
attempt("lcb unbound", const_unbound, False)
attempt("lcc unbound", cmp_unbound, False)
attempt("lc list", load_then_const, 3)


# BinaryOp StoreFast: fast and slow paths, and an error in the operation.
def op_store(a, b):
    t = a * b
    t += a
    return t


attempt("bs int", op_store, 6, 7)
attempt("bs float", op_store, 1.5, 2.0)
attempt("bs str", op_store, "ab", 2)
attempt("bs list", op_store, [1], 2)
attempt("bs bad", op_store, "ab", "cd")
attempt("bs overflow", op_store, 2**40, 2**40)


# LoadFast LoadAttr
class P:
    def __init__(self):
        self.x = 10

    @property
    def boom(self):
        raise ValueError("from property")


def get_x(p):
    return p.x


def get_missing(p):
    return p.nope


def get_boom(p):
    return p.boom


def attr_unbound(flag):
    if flag:
        p = P()
    return p.x


attempt("la ok", get_x, P())
attempt("la missing", get_missing, P())
attempt("la property", get_boom, P())
attempt("la unbound", attr_unbound, False)


# LoadGlobal PushNull
def call_global(n):
    return len(range(n))


def call_missing(n):
    return no_such_function(n)


attempt("gp ok", call_global, 5)
attempt("gp missing", call_missing, 5)


# Parts of one fused run on different lines: each error names its own.
def spread(a, b):
    t = (a
         +
         b)
    u = (t
         <
         b)
    return u


attempt("spread ok", spread, 1, 2)
attempt("spread add", spread, 1, "x")
class Odd:
    def __add__(self, other):
        return "sum"


attempt("spread cmp", spread, Odd(), Odd())


# A handler that covers only the second part of a fused run.
def handler_edge(x):
    y = x
    try:
        return y + 1
    except TypeError:
        return "caught"


attempt("edge int", handler_edge, 1)
attempt("edge str", handler_edge, "s")


# A loop that jumps into the middle of fused runs.
def loop(n):
    total = 0
    i = 0
    while i < n:
        total += i
        i += 1
    return total


attempt("loop", loop, 100)


# LoadFast LoadConst BinarySubscr: fast (list/tuple) and slow paths.
def first(x):
    return x[0]


def by_key(d):
    return d["k"]


attempt("sub list", first, [5, 6])
attempt("sub tuple", first, (7,))
attempt("sub str", first, "xyz")
attempt("sub empty", first, [])
attempt("sub dict", by_key, {"k": 1})
attempt("sub missing", by_key, {})
attempt("sub int", first, 3)


# ForIter StoreFast: range, list, generator, a custom iterator, break/else
# and an iterator that raises.
def gen(n):
    for i in range(n):
        yield i * i


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        if self.n == 1:
            raise ValueError("at one")
        return self.n


def loops(n):
    out = []
    for i in range(n):
        out.append(i)
    for i in range(n, 0, -2):
        out.append(i)
    for s in ["a", "b"]:
        out.append(s)
    for g in gen(n):
        out.append(g)
    for i in range(10):
        if i == 2:
            break
    else:
        out.append("no break")
    for i in []:
        out.append(i)
    else:
        out.append("else")
    return out, i


def bad_iter(n):
    seen = []
    for v in Countdown(n):
        seen.append(v)
    return seen


attempt("for", loops, 4)
attempt("for raise", bad_iter, 4)


# StoreFast Jump: a while loop whose body ends in an assignment, and a
# nested loop continuing the outer one.
def collatz(n):
    steps = 0
    while n != 1:
        if n % 2:
            n = 3 * n + 1
        else:
            n = n // 2
        steps = steps + 1
    return steps


def nested(n):
    total = 0
    for i in range(n):
        for j in range(i):
            total = total + j
        last = i
    return total, last


attempt("collatz", collatz, 27)
attempt("nested", nested, 6)


# LoadNone IsOp PopJumpIf: `is None` / `is not None` tests in if, while,
# and/or chains, and as values.
def none_tests(xs):
    out = []
    for x in xs:
        if x is None:
            out.append("none")
        if x is not None:
            out.append("some")
        if not (x is None):
            out.append("not-none")
        out.append(x is None)
        out.append(x is not None or "fallback")
    node = [1, [2, [3, None]]]
    depth = 0
    while node is not None:
        depth += 1
        node = node[1]
    return out, depth


attempt("none", none_tests, [None, 0, "", [], False])
