# match: guards, or-patterns, as-patterns, binding order.
def classify(x):
    match x:
        case int() | float() as num if num < 0:
            return f"negative {num}"
        case 0 | 0.0:
            return "zero"
        case [1, 2] | [1, 2, 3] as seq:
            return f"small seq {seq}"
        case (1 | 2 | 3) as small:
            return f"small {small}"
        case [(a, b) | [a, b, _]]:
            return f"pair-ish {a} {b}"
        case str() as s if len(s) > 3:
            return f"long {s}"
        case str() as s:
            return f"short {s}"
        case {"k": (1 | 2) as v}:
            return f"mapping v={v}"
        case _ if isinstance(x, list):
            return "other list"
        case _:
            return "other"
for v in [-1, -2.5, 0, 0.0, [1, 2], (1, 2, 3), 2, [(5, 6)], [[7, 8, 9]], "hello", "hi", {"k": 2}, {"k": 3}, [0], 99]:
    print(repr(v), "->", classify(v))
def guard_side_effects(x):
    log = []
    def check(tag, result):
        log.append(tag)
        return result
    match x:
        case n if check("g1", n > 10):
            r = "big"
        case n if check("g2", n > 5):
            r = "medium"
        case n if check("g3", True):
            r = "small"
    return r, log
print(guard_side_effects(20), guard_side_effects(7), guard_side_effects(1))
def binds_even_if_guard_fails(x):
    match x:
        case [a, b] if a > b:
            return "desc"
        case _:
            pass
    return f"a={a} b={b} still bound"
print(binds_even_if_guard_fails([1, 2]))
def as_whole(x):
    match x:
        case [int(), *_] as whole:
            return whole
    return None
print(as_whole([1, 'x']))
def or_capture(x):
    match x:
        case (a, 1) | (1, a):
            return f"a={a}"
    return "none"
print(or_capture((5, 1)), or_capture((1, 6)), or_capture((2, 2)))
def nested_or(x):
    match x:
        case {"op": "add" | "plus", "args": [a, b]}:
            return a + b
        case {"op": "neg", "args": [a]} | {"op": "minus", "args": [a]}:
            return -a
    return None
print(nested_or({"op": "plus", "args": [2, 3]}), nested_or({"op": "minus", "args": [4]}), nested_or({"op": "x"}))
def first_match_wins(x):
    match x:
        case int():
            return "first int"
        case 5:
            return "unreachable literal"
print(first_match_wins(5))
def eval_expr(e):
    match e:
        case ("num", v):
            return v
        case ("add", l, r):
            return eval_expr(l) + eval_expr(r)
        case ("mul", l, r):
            return eval_expr(l) * eval_expr(r)
        case ("neg", x):
            return -eval_expr(x)
        case _:
            raise ValueError(f"bad expr {e!r}")
print(eval_expr(("add", ("num", 2), ("mul", ("num", 3), ("neg", ("num", 4))))))
try:
    eval_expr(("pow", 1, 2))
except ValueError as err:
    print(err)
