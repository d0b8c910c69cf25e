# Assignment expressions (walrus operator).
if (n := len("hello")) > 3:
    print("long", n)
print(n)
data = [1, 2, 3, 4, 5, 6]
print([y for x in data if (y := x * x) > 10])
print(y)
values = iter([3, 2, 1, 0, 5])
while (v := next(values)) != 0:
    print("value", v)
print([last := i for i in range(3)], last)
def f():
    [inner := i for i in range(4)]
    return inner
print(f())
print((z := 10) + z)
total = 0
print([total := total + i for i in range(5)], total)
def g():
    items = [(w := x) for x in "abc"]
    return w, items
print(g())
if any((hit := x) > 2 for x in [1, 2, 3, 4]):
    print("first over 2:", hit)
print(f"{(q := 7)} {q * 2}")
def outer():
    def inner():
        return [(m := k) for k in range(3)]
    r = inner()
    return r
print(outer())
a = [1, 2]
print((b := a) is a)
print(dict(key=(kv := 5)), kv)
x = (w2 := 1, 2)
print(x, w2)
def nested_comp():
    res = [[(inner_last := j) for j in range(i)] for i in range(3)]
    return res, inner_last
print(nested_comp())
try:
    exec("class C:\n    vals = [(c := i) for i in range(2)]\n")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    exec("[i := 0 for i in range(2)]")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
