# itertools: every 3.11 function with typical and edge-case arguments.
import itertools as it
from itertools import (count, cycle, repeat, chain, islice, zip_longest, product,
                       permutations, combinations, combinations_with_replacement,
                       groupby, accumulate, takewhile, dropwhile, starmap, tee,
                       pairwise, compress, filterfalse)
import operator

print(list(islice(count(), 5)), list(islice(count(10, 3), 4)), list(islice(count(1.5, 0.5), 3)))
print(count(5), count(2, 3), repeat('a', 3), repeat(None))
c = count(7)
print(next(c), next(c), c)
print(list(islice(cycle('abc'), 7)), list(cycle([])), list(repeat(1, 4)), list(repeat('x', 0)))
print(list(zip(range(3), repeat(9))), list(map(pow, range(4), repeat(2))))
print(list(chain('ab', [1, 2], (3,))), list(chain.from_iterable(['xy', 'z'])), list(chain()))
print(list(islice('abcdefg', 2)), list(islice('abcdefg', 2, 4)), list(islice('abcdefg', 2, None)))
print(list(islice('abcdefg', 0, None, 2)), list(islice(range(10), 1, 8, 3)), list(islice([], 3)))
src = iter(range(10))
print(list(islice(src, 3)), next(src))
src = iter(range(10))
print(list(islice(src, 1, 6, 2)), next(src))
for bad in (lambda: islice('abc', -1), lambda: islice('abc', 0, 5, 0), lambda: islice('abc', 'x')):
    try:
        bad()
    except ValueError as e:
        print('ValueError:', e)
print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest([1], [2, 3], [4])), list(zip_longest()))
print(list(product('ab', range(2))), list(product([1, 2], repeat=2)), list(product()), list(product([], [1])))
print(len(list(product(range(3), repeat=3))), list(product('ab', 'cd', 'e')))
print(list(permutations('abc')), list(permutations(range(3), 2)), list(permutations([1, 2], 3)), list(permutations([], 0)))
print(list(combinations('abcd', 2)), list(combinations(range(4), 3)), list(combinations('ab', 3)), list(combinations('ab', 0)))
print(list(combinations_with_replacement('abc', 2)), list(combinations_with_replacement([], 2)), list(combinations_with_replacement([], 0)))
print(sum(1 for _ in permutations(range(7))), sum(1 for _ in combinations(range(20), 4)))
print([(k, list(g)) for k, g in groupby('aaabbcaa')])
print([(k, len(list(g))) for k, g in groupby(sorted('mississippi'))])
print([(k, list(g)) for k, g in groupby([1, 3, 5, 2, 4, 7], key=lambda x: x % 2)])
groups = groupby('aabbb')
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2), list(groupby([])))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], operator.mul)), list(accumulate([3, 1, 4, 1, 5], max)))
print(list(accumulate([1, 2, 3], initial=100)), list(accumulate([], initial=5)), list(accumulate([])))
print(list(accumulate(['a', 'b', 'c'])), list(accumulate([1, 2, 3], lambda a, b: a * 10 + b)))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(operator.add, zip('ab', 'cd'))))
a, b = tee(range(5))
print(list(a), list(b), len(tee('x', 3)), tee([], 0))
x, y = tee(iter([1, 2, 3]))
print(next(x), next(x), next(y), list(x), list(y))
print(list(pairwise('ABCDE')), list(pairwise([1])), list(pairwise([])))
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(compress(range(5), [True, False])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a', None])))
print(list(it.chain(*[[1], [2]])), it.__name__)
running = list(accumulate(range(1, 11)))
print(running, max(running))
print(list(islice(permutations(range(10)), 3)))
batches = [list(islice(iter(range(7)), i, i + 3)) for i in range(0, 7, 3)]
print(batches)
print(list(zip(count(1), 'abc')), dict(zip('abc', count())))
