# operator: functions, dunder aliases, getters and their reprs.
import operator as op
from functools import reduce

print(op.add(1, 2), op.sub(5, 3), op.mul('ab', 3), op.truediv(7, 2), op.floordiv(7, 2))
print(op.mod(7, 3), op.pow(2, 10), op.lshift(1, 5), op.rshift(64, 2), op.and_(6, 3), op.or_(6, 3), op.xor(6, 3))
print(op.neg(5), op.pos(-5), op.invert(5), op.inv(0), op.abs(-2.5), op.index(7), op.not_(0), op.truth([]))
print(op.lt(1, 2), op.le(2, 2), op.eq('a', 'a'), op.ne(1, 1.0), op.gt(3, 2), op.ge(1, 2))
print(op.is_(None, None), op.is_not(1, None), op.contains([1, 2], 2), op.countOf([1, 2, 1], 1), op.indexOf('abc', 'c'))
print(op.concat([1], [2]), op.concat('a', 'b'), op.__add__(2, 3), op.__lt__(1, 0), op.__getitem__('abc', 1))
print(reduce(op.mul, range(1, 6)), sorted([(1, 'b'), (0, 'c'), (1, 'a')], key=op.itemgetter(1)))
l = [1, 2, 3]
op.setitem(l, 0, 9); op.delitem(l, 1); print(l, op.getitem(l, slice(0, 1)))
x = [1]
print(op.iadd(x, [2]) is x, x, op.iadd(1, 2), op.imul('ab', 2), op.iconcat([0], (1,)))
print(op.length_hint([1, 2, 3]), op.length_hint(iter([1, 2])), op.length_hint(object(), 5))
print(op.call(max, 3, 9, 4), op.call(dict, a=1))

g = op.itemgetter(1)
g2 = op.itemgetter(0, 2)
print(g('abc'), g2('abc'), g({1: 'one'}), repr(g), repr(g2), repr(op.itemgetter('k')))
a = op.attrgetter('real')
a2 = op.attrgetter('__class__.__name__', 'imag')
print(a(3), a2(2), repr(a), repr(a2))
m = op.methodcaller('split', ',', maxsplit=1)
print(m('a,b,c'), repr(m), repr(op.methodcaller('upper')), op.methodcaller('upper')('x'))
print(type(g).__name__, type(g).__module__, type(op.add).__name__, op.add.__name__, repr(op.add))

class P:
    def __init__(self, n, age): self.n, self.age = n, age
ps = [P('b', 3), P('a', 5), P('c', 1)]
print([p.n for p in sorted(ps, key=op.attrgetter('age'))], max(ps, key=op.attrgetter('age')).n)

def err(f, *a, **k):
    try:
        f(*a, **k)
    except Exception as e:
        print(type(e).__name__ + ':', e)
err(op.add, 1, 'a')
err(op.add, 1)
err(op.concat, 1, 2)
err(op.itemgetter(5), [1])
err(op.attrgetter('nope'), 1)
err(op.indexOf, [1], 2)
err(op.index, 1.5)
err(op.itemgetter)
err(op.methodcaller)
err(op.attrgetter, 1)
err(op.lt, 1, 'a')
err(op.neg, 'a')
print(sorted(x for x in op.__all__)[:10])
