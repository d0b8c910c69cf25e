# Function parameters: defaults, positional-only, *args, keyword-only, **kwargs.
def f(a, b=2, *args, c, d=4, **kwargs):
    return (a, b, args, c, d, kwargs)
print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9, d=0))
print(f(*[1, 2, 3], **{'c': 'C', 'z': 'Z'}))
def pos_only(a, b, /, c, *, d):
    return a, b, c, d
print(pos_only(1, 2, 3, d=4), pos_only(1, 2, c=3, d=4))
try:
    pos_only(1, b=2, c=3, d=4)
except TypeError as e:
    print(type(e).__name__, e)
def po_kwargs(a, /, **kw):
    return a, kw
print(po_kwargs(1, a=2))
def kwonly(*, x, y=10):
    return x, y
print(kwonly(x=1), kwonly(y=2, x=3))
try:
    kwonly(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    kwonly()
except TypeError as e:
    print(type(e).__name__, e)
def defaults_evaluated_once(item, bucket=[]):
    bucket.append(item)
    return bucket
print(defaults_evaluated_once(1), defaults_evaluated_once(2))
counter = 0
def default_expr():
    global counter
    counter += 1
    return counter
def uses(v=default_expr()):
    return v
print(uses(), uses(), counter)
def star_only(*args):
    return args
print(star_only(), star_only(1), star_only(*"ab", *[3]))
def kw_only_dict(**kw):
    return kw
print(kw_only_dict(), kw_only_dict(a=1, **{'b': 2}, c=3))
def errors():
    def g(a, b, c=3):
        pass
    cases = [
        lambda: g(),
        lambda: g(1),
        lambda: g(1, 2, 3, 4),
        lambda: g(1, 2, d=5),
        lambda: g(1, 2, a=5),
        lambda: g(1, 2, **{'c': 1}, **{'c': 2}),
        lambda: kw_only_dict(1),
        lambda: pos_only(1, 2),
        lambda: pos_only(1, 2, 3, 4),
        lambda: g(*None),
        lambda: g(**[1]),
        lambda: f(),
    ]
    for case in cases:
        try:
            case()
        except TypeError as e:
            print(type(e).__name__, e)
errors()
def many(a, b, c, d, e, f, g, h):
    return a + b + c + d + e + f + g + h
print(many(*range(8)))
print(many(1, *[2, 3], 4, *(5, 6), **{'g': 7, 'h': 8}))
def annotated_defaults(a: int = 1, *, b: str = "x"):
    return a, b
print(annotated_defaults(), annotated_defaults(2, b="y"))
def recursive(n):
    return 1 if n <= 1 else n * recursive(n - 1)
print(recursive(20))
def varargs_names(*args, **kwargs):
    return sorted(kwargs.items()), len(args)
print(varargs_names(1, 2, z=1, a=2))
def unpack_order(**kw):
    return list(kw)
print(unpack_order(b=1, a=2, **{'d': 3}, c=4))
def all_kinds(p1, p2=20, /, n1=30, *va, k1, k2=50, **vk):
    return p1, p2, n1, va, k1, k2, vk
print(all_kinds(1, k1=40))
print(all_kinds(1, 2, 3, 4, 5, k1=6, k2=7, p1=8))
