# Slicing: read, assignment, deletion, extended slices, custom __getitem__.
a = list(range(10))
print(a[1:2:3], a[::-1], a[::2], a[1::3], a[-3:], a[:-3], a[-1], a[-10])
print(a[2:8:-1], a[8:2:-1], a[8:2:-2], a[-1:-5:-1], a[100:], a[-100:2], a[5:1])
print(a[::-3], a[:0], a[0:0], a[None:None:None], a[slice(2, 5)])
s = "hello world"
print(s[::-1], s[:5], s[6:], s[-5:-1], s[::2], s[1:-1:3])
t = (1, 2, 3, 4, 5)
print(t[1:3], t[::-2], t[5:], type(t[:1]).__name__)
b = b"bytes!"
print(b[1:4], b[::-1], b[0], b[-1:])
r = range(20)
print(r[::5], r[3:7], r[::-4], list(r[-3:]))
try:
    a[::0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    "abc"[5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    (1,)[2]
except IndexError as e:
    print(type(e).__name__, e)
try:
    a["x"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    a[1.0]
except TypeError as e:
    print(type(e).__name__, e)
c = list(range(10))
c[2:5] = ["a", "b"]
print(c)
c[:0] = [-1, -2]
print(c)
c[len(c):] = [99]
print(c)
c[1:3] = []
print(c)
c[::2] = "XXXXX"
print(c)
try:
    c[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
c[2:2] = range(3)
print(c)
c[:] = (1, 2, 3)
print(c)
c[5:10] = [7]
print(c)
c[-1:] = []
print(c)
c[::-1] = [9, 8, 7]
print(c)
d = list(range(10))
del d[::3]
print(d)
del d[-2:]
print(d)
del d[1:100]
print(d)
try:
    c[0:1] = 5
except TypeError as e:
    print(type(e).__name__, e)
class Grid:
    def __getitem__(self, key):
        return f"getitem {key!r}"
    def __setitem__(self, key, value):
        print(f"setitem {key!r} = {value!r}")
    def __delitem__(self, key):
        print(f"delitem {key!r}")
g = Grid()
print(g[1, 2])
print(g[1:2, ::3])
print(g[...])
print(g[1:2:3])
print(g[:])
print(g[::])
print(g[1, ...])
print(g[()])
print(g[(1,)])
print(g[-1])
print(g["k"])
g[0, 0] = "origin"
g[1:3] = [1]
del g[::2, 5]
i, j = 1, 2
print(g[i, j], g[i:j], g[i:])
class Sized:
    def __len__(self):
        return 3
    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return ("slice", idx.start, idx.stop, idx.step, idx.indices(len(self)))
        return ("index", idx)
sz = Sized()
print(sz[-1], sz[::-1], sz[1:], sz[-10:10:2])
class Idx:
    def __index__(self):
        return 2
print(a[Idx()], a[Idx():], "abcdef"[:Idx()])
big = list(range(5))
print(big[-2**70:2**70], big[2**70:])
