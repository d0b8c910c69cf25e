# `for a, b in ...` runs as one fused instruction for list/tuple
# iterators yielding exact 2-tuples/2-lists (compiler/peephole.rs); every
# other item goes through the ordinary unpacking, errors included.


def lines(e):
    out = []
    tb = e.__traceback__
    while tb is not None:
        out.append(tb.tb_lineno)
        tb = tb.tb_next
    return out


def pairs(it):
    out = []
    for a, b in it:
        out.append((b, a))
    return out


def attempt(label, it):
    try:
        r = pairs(it)
    except Exception as e:
        print(label, type(e).__name__, e, lines(e))
    else:
        print(label, "->", r)


class L(list):
    pass


def gen():
    yield 1, 2
    yield [3, 4]
    yield "ab"


attempt("tuples", [(1, 2), (3, 4)])
attempt("lists", [[1, 2], [3, 4.5]])
attempt("in a tuple", ((1, "a"), ("b", None)))
attempt("empty", [])
attempt("strings", ["ab", "cd"])
attempt("too many", [(1, 2), (1, 2, 3)])
attempt("too few", [(1, 2), (1,)])
attempt("not iterable", [(1, 2), 5])
attempt("list subclass", [L([7, 8])])
attempt("generator", gen())
attempt("dict items", {"k": 1, "j": 2}.items())
attempt("zip", zip([1, 2], "ab"))
attempt("enumerate", enumerate("xy"))
attempt("nested lists", [[[1], [2]]])


def grow(xs):
    seen = []
    for a, b in xs:
        seen.append(a + b)
        if len(xs) < 4:
            xs.append((a * 10, b * 10))
    return seen


print("grow", grow([(1, 2)]))


def early(xs):
    for a, b in xs:
        if a == b:
            break
    else:
        return "none equal"
    return "equal %r" % a


print(early([(1, 2), (3, 3), (4, 5)]), early([(1, 2)]))


def same_name(xs):
    for a, a in xs:
        pass
    return a


print("same name", same_name([(1, 2), (3, 4)]))


def handled(xs):
    out = []
    try:
        for a, b in xs:
            out.append(a)
    except ValueError as e:
        out.append(str(e))
    return out


print("handled", handled([(1, 2), (3, 4, 5), (6, 7)]))
