# match: literal patterns, capture, wildcard, value patterns (dotted names).
class Color:
    RED = "red"
    GREEN = "green"
def lit(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2:
            return "one or two"
        case -3:
            return "minus three"
        case 1.5:
            return "one and a half"
        case -2.5:
            return "negative float"
        case "hello":
            return "greeting"
        case b"raw":
            return "bytes"
        case True:
            return "True"
        case None:
            return "None"
        case Color.RED:
            return "the red color"
        case Color.GREEN:
            return "green!"
        case other:
            return f"captured {other!r}"
for v in [0, 1, 2, -3, 1.5, -2.5, "hello", b"raw", True, None, "red", "green", False, 0.0, 3, "x", [1]]:
    print(repr(v), "->", lit(v))
def wildcard(x):
    match x:
        case _:
            return "always"
print(wildcard(object) == "always")
def capture_binds():
    match 42:
        case n:
            pass
    return n
print(capture_binds())
def string_concat(s):
    match s:
        case "ab" "cd":
            return "concat literal"
        case _:
            return "no"
print(string_concat("abcd"))
def neg_zero(x):
    match x:
        case -0:
            return "matches zero"
    return "no match"
print(neg_zero(0), neg_zero(0.0), neg_zero(1))
def no_match(x):
    match x:
        case 1:
            return "one"
    return "fell through"
print(no_match(2))
def equality_vs_identity(x):
    match x:
        case True:
            return "is True"
        case 1:
            return "== 1"
    return "none"
print(equality_vs_identity(1), equality_vs_identity(True), equality_vs_identity(1.0))
match = "soft keyword as name"
case = 5
print(match, case)
def match_tuple_subject(a, b):
    match a, b:
        case 0, 0:
            return "origin"
        case x, 0:
            return f"on x axis at {x}"
        case _:
            return "elsewhere"
print(match_tuple_subject(0, 0), match_tuple_subject(3, 0), match_tuple_subject(1, 1))
