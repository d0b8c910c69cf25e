# del statement on names, subscripts, slices, attributes, tuples.
x = 1
del x
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)
lst = list(range(10))
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[2:4]
print(lst)
del lst[::2]
print(lst)
del lst[:]
print(lst)
d = {'a': 1, 'b': 2, 'c': 3}
del d['b']
print(d)
try:
    del d['zz']
except KeyError as e:
    print(type(e).__name__, e)
class C:
    pass
c = C()
c.a = 1
c.b = 2
del c.a
print(vars(c))
try:
    del c.a
except AttributeError as e:
    print(type(e).__name__, e)
a, b, c2 = 1, 2, 3
del a, b
print('a' in dir(), 'c2' in dir())
m = [[1, 2], [3, 4]]
del m[0][1], m[1]
print(m)
def f():
    y = 5
    del y
    try:
        return y
    except UnboundLocalError as e:
        return f"{type(e).__name__}: {e}"
print(f())
try:
    del lst[5]
except IndexError as e:
    print(type(e).__name__, e)
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
class D:
    def __delitem__(self, key):
        print("delitem", key)
    def __delattr__(self, name):
        print("delattr", name)
dd = D()
del dd[1:2], dd['k'], dd[1, 2]
del dd.foo
[p, q] = [1, 2]
del [p, q]
print('p' in globals())
def g():
    global gv
    gv = 1
    del gv
g()
print('gv' in globals())
