# All augmented assignment operators, on names, subscripts and attributes.
x = 10
x += 5; print("+=", x)
x -= 3; print("-=", x)
x *= 4; print("*=", x)
x /= 3; print("/=", x)
x = 17
x //= 5; print("//=", x)
x = 17
x %= 5; print("%=", x)
x **= 10; print("**=", x)
x = 0b1100
x &= 0b1010; print("&=", x)
x |= 0b0101; print("|=", x)
x ^= 0b1111; print("^=", x)
x <<= 3; print("<<=", x)
x >>= 2; print(">>=", x)
x = -17
x //= 5; print("neg //=", x)
x = -17
x %= 5; print("neg %=", x)
class M:
    def __init__(self, v):
        self.v = v
    def __matmul__(self, o):
        return M(self.v * 100 + o.v)
    def __repr__(self):
        return f"M({self.v})"
m = M(1)
m @= M(2); print("@=", m)
s = "ab"
s += "cd"; print(s)
s *= 2; print(s)
t = (1,)
t2 = t
t += (2,)
print(t, t2, t is t2)
l = [1]
l2 = l
l += [2]
print(l, l2, l is l2)
l *= 2
print(l2)
l += "xy"
print(l)
d = {'a': 1}
d['a'] += 10
d.setdefault('b', [])
d['b'] += [1]
print(d)
class C:
    n = 0
c = C()
c.n += 1
print(c.n, C.n)
grid = [[1, 2], [3, 4]]
grid[1][0] *= 10
print(grid)
st = {1, 2}
st |= {3}
st &= {1, 3, 4}
st -= {9}
st ^= {5}
print(st)
f = 1.5
f **= 2; print(f)
f //= 1; print(f)
calls = []
def key():
    calls.append('key')
    return 0
arr = [5]
arr[key()] += 1
print(arr, calls)
class Counter:
    def __init__(self):
        self.v = 0
    def __iadd__(self, other):
        self.v += other
        return self
    def __repr__(self):
        return f"Counter({self.v})"
k = Counter()
k += 5
k += 6
print(k)
try:
    n = None
    n += 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    s = "a"
    s -= "b"
except TypeError as e:
    print(type(e).__name__, e)
try:
    z = 1
    z /= 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
