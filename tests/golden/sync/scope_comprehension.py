# Comprehension scope: loop variables don't leak; first iterable evaluated outside.
x = "outer"
lst = [x for x in range(3)]
print(lst, x)
i = "kept"
s = {i for i in "ab"}
print(sorted(s), i)
d = {k: v for k, v in [(1, 2)]}
print(d, 'k' in globals(), 'v' in globals())
g = (y for y in range(2))
print('y' in globals(), list(g))
def f():
    n = 3
    return [n * j for j in range(n)]
print(f())
def first_iterable_eval():
    log = []
    def src():
        log.append("src")
        return range(2)
    gen = (a for a in src())
    log.append("created")
    list(gen)
    return log
print(first_iterable_eval())
def inner_iterable_lazy():
    log = []
    def src(n):
        log.append(f"src{n}")
        return range(n)
    gen = (b for a in range(2) for b in src(a))
    log.append("created")
    list(gen)
    return log
print(inner_iterable_lazy())
try:
    gen = (z for z in 5)
except TypeError as e:
    print("eager error:", type(e).__name__, e)
def shadowing():
    z = "function z"
    res = [z for z in "ab"]
    return z, res
print(shadowing())
def nested_scopes():
    base = 10
    return [[base + a + b for b in range(2)] for a in range(2)]
print(nested_scopes())
funcs = [lambda: m for m in range(3)]
print([fn() for fn in funcs])
print([[m for m in range(k)] for k in range(3)])
def comprehension_closure_over_loop_var():
    return [(lambda: q)() for q in range(3)]
print(comprehension_closure_over_loop_var())
total = 100
print(sum(total + t for t in range(3)))
def uses_global():
    return [total for _ in range(2)]
print(uses_global())
items = [1, 2, 3]
items = [v for v in items if v != 2]
print(items)
