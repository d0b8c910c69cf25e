# List/tuple/set/dict displays with * and ** unpacking.
a = [1, 2]
b = (3, 4)
print([*a, *b], [0, *a, 5, *b, *"xy"], [*range(3)], [*[]])
print((*a, *b), (*a,), (*"ab", 0))
print({*a, *b}, {*range(5), 7, *[0, 1]}, {*()} if False else set())
d1 = {'x': 1, 'y': 2}
d2 = {'y': 20, 'z': 30}
print({**d1, **d2}, {**d2, **d1}, {'w': 0, **d1, 'x': 100}, {**{}})
print({1: 'int', True: 'bool', 1.0: 'float'})
print({'a': 1, 'a': 2})
print([], (), {}, set(), [[]], ((),), {(): ()})
print((1), (1,), 1,)
print(type(()).__name__, type((1)).__name__, type((1,)).__name__)
x = 1, 2, 3
print(x, type(x).__name__)
print([1, 2, 3,], {1: 2,}, {1,})
nested = [[1, [2, [3, [4]]]], {'k': {'k2': [5]}}]
print(nested, nested[0][1][1][1][0], nested[1]['k']['k2'][0])
print({**{'a': [1]}}['a'] is not None)
try:
    [*5]
except TypeError as e:
    print(type(e).__name__, e)
try:
    {**[1, 2]}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {[1]: 2}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {[1]}
except TypeError as e:
    print(type(e).__name__, e)
def gen():
    yield 'g1'
    yield 'g2'
print([*gen()], {**dict.fromkeys(gen())})
order = []
def f(n):
    order.append(n)
    return n
_ = {f(1): f(2), f(3): f(4)}
print(order)
order.clear()
_ = [f(1), *[f(2), f(3)], f(4)]
print(order)
print({'k': v for v in range(3)})
print(*a, *b)
print(*[], sep="|")
first, *_ = [*'abc']
print(first)
print([*d1], [*d1.values()], (*d1.items(),))
print(len({*'aabbcc'}), sorted({*'cab'}))
