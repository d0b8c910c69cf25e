# globals() and locals() in module, function, class, comprehension contexts.
g = globals()
print(type(g).__name__, g is globals(), g["__name__"], "g" in g, "__builtins__" in g)
g["created_dynamically"] = 123
print(created_dynamically)
user_names = sorted(k for k in globals() if not k.startswith("__"))
print(user_names)
print(locals() is globals())
def func(a, b=2):
    c = a + b
    loc = locals()
    return sorted(loc.items())
print(func(1))
def func2():
    x = 1
    l1 = locals()
    y = 2
    l2 = locals()
    return sorted(l1), sorted(l2)
print(func2())
def closure_locals():
    outer_var = "o"
    def inner():
        v = outer_var
        return sorted(locals())
    return inner()
print(closure_locals())
class C:
    a = 1
    b = 2
    snapshot = sorted(k for k in locals() if not k.startswith("__"))
    ns_name = locals()["__qualname__"]
print(C.snapshot, C.ns_name)
def modify_globals():
    globals()["from_function"] = "set"
modify_globals()
print(from_function)
def no_locals():
    return locals()
print(no_locals())
def globals_in_func():
    return globals() is g
print(globals_in_func())
print(eval("a_var * 2", {"a_var": 21}), eval("x + y", {}, {"x": 1, "y": 2}))
ns = {}
exec("z = 5\ndef fn():\n    return z * 2", ns)
print(ns["z"], ns["fn"](), sorted(k for k in ns if k != "__builtins__"))
