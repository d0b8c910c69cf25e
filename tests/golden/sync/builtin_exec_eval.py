# exec() and eval(): expressions, statements, namespaces, compile, errors.
print(eval("1 + 2 * 3"), eval("[x * x for x in range(4)]"), eval("'abc'.upper()"), eval(" 42 "))
x = 10
print(eval("x + 1"), eval("x + y", {"x": 1, "y": 2}), eval("x", {"x": "global"}, {"x": "local"}))
ns = {"a": 5}
exec("b = a * 2\nc = [a, b]", ns)
print(ns["b"], ns["c"], "__builtins__" in ns)
exec("print('printed from exec')")
exec("x = 99")
print(x)
def in_function():
    loc = {}
    exec("q = 7", globals(), loc)
    return loc
print(in_function())
code = compile("3 ** 2", "<expr>", "eval")
print(eval(code), type(code).__name__)
code2 = compile("for i in range(2): print('loop', i)", "<stmts>", "exec")
exec(code2)
print(exec("1 + 1"), eval("None"))
src = '''
def generated(n):
    return n * 3
class Gen:
    value = generated(4)
'''
space = {}
exec(src, space)
print(space["generated"](5), space["Gen"].value)
for bad in ["1 +", "x = 1", "def", "(", "1 2"]:
    try:
        eval(bad)
    except SyntaxError as e:
        print(repr(bad), "->", type(e).__name__, e.msg)
try:
    exec("for")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno)
try:
    eval("undefined_thing")
except NameError as e:
    print(type(e).__name__, e)
try:
    eval("1 / 0")
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    eval(5)
except TypeError as e:
    print(type(e).__name__, e)
print(eval("len('abc')", {}), eval("abs(-1)", {"__builtins__": {"abs": abs}}))
try:
    eval("len('abc')", {"__builtins__": {}})
except NameError as e:
    print(type(e).__name__, e)
print(eval("lambda v: v + 1")(1), eval("(1, 2)"), eval("{'k': [1]}"), eval("1 if True else 2"))
exec("import sys as _s; out = _s.maxsize > 0", ns)
print(ns["out"])
counter = {"n": 0}
exec("n += 1\nn += 1", counter)
print(counter["n"])
print(eval("__name__"), eval("__name__", {"__name__": "custom"}))
