# Closures: captured variables, late binding, cells shared between closures.
def make_adder(n):
    def add(x):
        return x + n
    return add
add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1))
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get
inc, get = counter()
inc(); inc(); inc()
print("shared cell", get())
def late_binding():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(late_binding())
def early_binding():
    return [(lambda i=i: i)() for i in range(3)]
print(early_binding())
def rebind_after_closure():
    x = "first"
    def show():
        return x
    x = "second"
    return show()
print(rebind_after_closure())
def deep():
    a = 1
    def l2():
        b = 2
        def l3():
            c = 3
            def l4():
                return a + b + c
            return l4
        return l3
    return l2
print(deep()()()())
def accumulator(start):
    total = [start]
    def acc(v):
        total[0] += v
        return total[0]
    return acc
acc = accumulator(100)
print(acc(1), acc(10))
def closure_over_param(items):
    def has(x):
        return x in items
    return has
has = closure_over_param({1, 2})
print(has(1), has(3))
def closure_in_loop_cell():
    result = []
    for i in range(3):
        def f(j=i):
            return j * 2
        result.append(f)
    return [f() for f in result]
print(closure_in_loop_cell())
def free_var_not_yet_assigned():
    def f():
        return val
    try:
        f()
    except NameError as e:
        print(type(e).__name__, e)
    val = 1
    return f()
print(free_var_not_yet_assigned())
def make_ops():
    state = {"n": 0}
    def up():
        state["n"] += 1
    def down():
        state["n"] -= 1
    def read():
        return state["n"]
    return up, down, read
up, down, read = make_ops()
up(); up(); down()
print("state", read())
x = "global"
def shadow_chain():
    x = "enclosing"
    def inner():
        return x
    return inner()
print(shadow_chain(), x)
def recursive_closure():
    def fact(n):
        return 1 if n < 2 else n * fact(n - 1)
    return fact
print(recursive_closure()(6))
def gen_closure():
    k = 3
    def g():
        for i in range(k):
            yield i * k
    return g
print(list(gen_closure()()))
def closure_cells():
    a = 1
    b = 2
    def f():
        return a, b
    return f
cf = closure_cells()
print(cf.__code__.co_freevars, [c.cell_contents for c in cf.__closure__])
def mutate_cell():
    v = 1
    def f():
        return v
    v = 2
    r1 = f()
    v = 3
    return r1, f()
print(mutate_cell())
