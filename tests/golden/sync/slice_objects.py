# slice objects: construction, attributes, indices(), use in subscripts.
s = slice(1, 10, 2)
print(s, repr(s), s.start, s.stop, s.step)
print(slice(5), slice(None), slice(1, None), slice(None, None, -1), slice("a", "b"))
data = list(range(20))
print(data[s], data[slice(5)], data[slice(None, None, -4)], "abcdef"[slice(1, -1)])
print(s.indices(5), s.indices(100), slice(None, None, -1).indices(10), slice(-3, None).indices(10), slice(-100, 100).indices(10))
print(slice(None, None, -2).indices(7), slice(10, -10, -1).indices(5), slice(0, 0).indices(0))
try:
    slice(0, 1, 0).indices(5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    s.indices(-1)
except ValueError as e:
    print(type(e).__name__, e)
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2, None) == slice(1, 2))
print(slice(1, 2) < slice(1, 3), slice(0, 5) > slice(0, 4))
try:
    hash(slice(1, 2))
    print("hashable slice")
except TypeError as e:
    print(type(e).__name__, e)
class Show:
    def __getitem__(self, k):
        return k
sh = Show()
print(sh[1:2], sh[::], sh[:5:], sh[1:2, 3:4], sh[::-1] == slice(None, None, -1))
try:
    s.start = 5
except AttributeError as e:
    print(type(e).__name__, e)
rev = slice(None, None, -1)
print("hello"[rev], (1, 2, 3)[rev], range(5)[rev])
print(type(s).__name__, isinstance(s, slice))
lst = list(range(10))
lst[slice(2, 4)] = ["x"]
print(lst)
del lst[slice(None, None, 3)]
print(lst)
