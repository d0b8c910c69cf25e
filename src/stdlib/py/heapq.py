# heapq: the heap primitives are native (_heapq); merge, nlargest and
# nsmallest are written here on top of them.

from _heapq import (heappush, heappop, heapify, heapreplace, heappushpop,
                    _heapify_max, _heappop_max, _heapreplace_max)

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def merge(*iterables, key=None, reverse=False):
    # Heap entries are [sort key, +/- source index, value, iterator]; ties
    # between equal keys go to the earlier source, as in CPython.
    entries = []
    sign = -1 if reverse else 1
    done = object()
    for i, it in enumerate(iterables):
        it = iter(it)
        v = next(it, done)
        if v is not done:
            entries.append([v if key is None else key(v), i * sign, v, it])
    replace = _heapreplace_max if reverse else heapreplace
    pop = _heappop_max if reverse else heappop
    (_heapify_max if reverse else heapify)(entries)
    while len(entries) > 1:
        top = entries[0]
        yield top[2]
        v = next(top[3], done)
        if v is done:
            pop(entries)
        else:
            top[0] = v if key is None else key(v)
            top[2] = v
            replace(entries, top)
    if entries:
        top = entries[0]
        yield top[2]
        yield from top[3]


def nsmallest(n, iterable, key=None):
    if n <= 0:
        return []
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    if n <= 0:
        return []
    return sorted(iterable, key=key, reverse=True)[:n]
