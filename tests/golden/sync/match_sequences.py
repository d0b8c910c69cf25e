# match: sequence patterns with *rest, nested, types of subjects.
def seq(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one: {a}"
        case [a, b]:
            return f"two: {a}, {b}"
        case [first, *middle, last] if len(middle) < 3:
            return f"first={first} middle={middle} last={last}"
        case [*all_items]:
            return f"many: {all_items}"
        case _:
            return "not a sequence"
for v in [[], [1], (1, 2), [1, 2, 3], range(4), [1, 2, 3, 4, 5, 6], "ab", b"ab", bytearray(b"x"), {1: 2}, {1, 2}, 5]:
    print(repr(v), "->", seq(v))
def nested(x):
    match x:
        case [[a, b], [c, d]]:
            return a + b + c + d
        case [(1, y), *_]:
            return f"starts with pair (1, {y})"
        case [_, [_, [deep]]]:
            return f"deep {deep}"
        case _:
            return None
print(nested([[1, 2], [3, 4]]), nested([(1, 'q'), 0]), nested([0, [0, [9]]]), nested([1]))
def star_positions(x):
    match x:
        case [*head, 0]:
            return f"ends with 0, head={head}"
        case [0, *tail]:
            return f"starts with 0, tail={tail}"
        case [a, *_, b]:
            return f"ends {a} {b}"
    return "?"
print(star_positions([1, 2, 0]), star_positions([0, 1]), star_positions([5, 6, 7]), star_positions([0]))
def typed(x):
    match x:
        case [int(), int()]:
            return "two ints"
        case [str() as s, *_]:
            return f"starts with str {s!r}"
        case (float(),):
            return "one float"
    return "other"
print(typed([1, 2]), typed(("a", 1)), typed([1.5]), typed([1, "a"]))
def command(cmd):
    match cmd.split():
        case ["go", direction]:
            return f"going {direction}"
        case ["pick", "up", *objs]:
            return f"picking up {objs}"
        case ["quit" | "exit"]:
            return "bye"
        case [verb, *_]:
            return f"unknown verb {verb}"
        case []:
            return "nothing"
for c in ["go north", "pick up sword shield", "quit", "exit", "dance wildly", ""]:
    print(repr(c), "->", command(c))
class MySeq:
    def __len__(self): return 2
    def __getitem__(self, i):
        if i < 2: return i * 10
        raise IndexError
print(seq(MySeq()))
print("iterator ->", seq(iter([1])))
class RegisteredSeq(list):
    pass
print(seq(RegisteredSeq([7, 8])))
def tuple_vs_list(x):
    match x:
        case (a, b):
            return f"pair {a} {b}"
        case [a, b, c]:
            return f"triple {a} {b} {c}"
    return "no"
print(tuple_vs_list([1, 2]), tuple_vs_list((1, 2, 3)), tuple_vs_list("xy"))
