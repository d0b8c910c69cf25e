# itertools: type names, reprs, laziness, groupby/tee sharing, errors.
import itertools as it
from itertools import (count, cycle, repeat, chain, islice, zip_longest, product,
                       permutations, combinations, combinations_with_replacement,
                       groupby, accumulate, takewhile, dropwhile, filterfalse,
                       starmap, compress, pairwise, tee)
import operator

for obj in [count(), cycle([1]), repeat(1), chain(), islice([], 1), zip_longest(),
            product(), permutations([]), combinations([], 0),
            combinations_with_replacement([], 0), groupby([]), accumulate([]),
            takewhile(bool, []), dropwhile(bool, []), filterfalse(None, []),
            starmap(pow, []), compress([], []), pairwise([])]:
    print(type(obj).__name__, type(obj).__module__, iter(obj) is obj)

print(repr(count(-3)), repr(count(1.5, 0.5)), repr(count(2, 1.0)), repr(count(10**20)))
print(repr(repeat([1, 2])), repr(repeat('x', -5)), len(list(repeat('x', -5))))
print(operator.length_hint(repeat(0, 7)), operator.length_hint(repeat(0), 3) if False else '')

# count with floats / big ints
c = count(10**18, 10**18)
print([next(c) for _ in range(3)])
c = count(0.1, 0.1)
print([round(next(c), 10) for _ in range(4)])

# laziness: chain only pulls what it needs
def gen(name, n):
    for i in range(n):
        print('  pull', name, i)
        yield i
ch = chain(gen('a', 2), gen('b', 2))
print(next(ch), next(ch), next(ch))
print(list(chain.from_iterable(['ab', [1, 2], (3,)])))

# islice consumes exactly
src = iter(range(10))
print(list(islice(src, 2, 6, 2)), next(src))
src = iter(range(10))
print(list(islice(src, 3)), next(src))
print(list(islice('abcdefg', None)), list(islice('abcdefg', 2, None)), list(islice(count(), 0, 20, 7)))
print(list(islice(range(5), 10)), list(islice(range(10), 5, 2)))

# zip_longest with generators of different lengths
print(list(zip_longest(gen('x', 1), 'ab', fillvalue=0)))

# groupby: grouper invalidated when the parent moves on
groups = groupby('aaabbc')
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
print([(k, len(list(g))) for k, g in groupby(sorted([3, 1, 2, 1, 3, 3]))])
print([(k, list(g)) for k, g in groupby([1, 2, 3, 4, 5, 6], key=lambda x: x // 3)])
data = [{'t': 'a', 'v': 1}, {'t': 'a', 'v': 2}, {'t': 'b', 'v': 3}]
for key, grp in groupby(data, key=operator.itemgetter('t')):
    print(key, [d['v'] for d in grp])

# tee
a, b = tee(gen('t', 3))
print(next(a), next(a), next(b), list(a), list(b))
x, y, z = tee([1, 2], 3)
print(list(x), list(y), list(z), len(tee('ab', 0)))
c1, = tee(iter('xyz'), 1)
c2, c3 = tee(c1)
print(next(c2), list(c3), list(c2))

# accumulate
print(list(accumulate([1, 2, 3, 4], operator.mul)), list(accumulate([], initial=5)))
print(list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate(['a', 'b'], initial='z')))
print(list(accumulate([1.5, 2.5])))

# combinatorics sizes and order
print(len(list(product(range(3), repeat=4))), list(product('ab', [])))
print(list(permutations(range(3), 2)))
print(list(permutations('abc', 4)), list(combinations('abc', 4)))
print(list(combinations_with_replacement(range(3), 2)))
print(list(product([1, 2], 'xy', repeat=1)))
print(sum(1 for _ in permutations(range(6))), sum(1 for _ in combinations(range(20), 3)))

# the rest
print(list(takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(filterfalse(lambda x: x % 2, range(7))), list(filterfalse(None, [0, 1, '', 'a'])))
print(list(starmap(operator.add, [(1, 2), (3, 4)])), list(starmap(lambda *a: a, ['ab', 'c'])))
print(list(compress('abcdef', [1, 0, 1, 0, 1])), list(pairwise('a')), list(pairwise([1, 2, 3])))
print(list(zip(count(1), 'abc')), list(islice(cycle('ab'), 5)))

# errors
def err(f, *a, **k):
    try:
        f(*a, **k)
    except Exception as e:
        print(type(e).__name__ + ':', e)
err(count, 'a')
err(combinations, 'abc')
err(combinations, 'abc', -1)
err(permutations, 'abc', 'x')
err(product, [1], repeat=-1)
err(islice, [], -1)
err(islice, [], 0, 5, 0)
err(islice, [], 'a', 5)
err(chain.from_iterable)
err(next, chain([1], 5))
err(zip_longest, [], foo=1)
err(repeat)
err(groupby, [1], key=1, x=2)
err(tee, [], -1)
err(lambda: list(starmap(pow, [1])))
