# match: mapping patterns with **rest, nested, key types.
def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k), **rest}:
            return f"key {k} extra={rest}"
        case {"type": t, **rest} if not rest:
            return f"bare {t}"
        case {"type": t}:
            return f"type {t} with others"
        case {}:
            return "some mapping"
        case _:
            return "not a mapping"
events = [
    {"type": "click", "pos": (1, 2)},
    {"type": "click", "pos": [3, 4], "button": 1},
    {"type": "key", "key": "a"},
    {"type": "key", "key": "b", "mod": "shift", "repeat": 2},
    {"type": "key", "key": 5},
    {"type": "scroll"},
    {"type": "scroll", "dy": 3},
    {"other": 1},
    {},
    [("type", "click")],
    "type",
]
for e in events:
    print(e, "->", handle(e))
def keys(m):
    match m:
        case {1: a, "1": b}:
            return f"int and str keys {a} {b}"
        case {None: v}:
            return f"None key {v}"
        case {True: v}:
            return f"True key {v}"
    return "none"
print(keys({1: "i", "1": "s"}), keys({None: 0}), keys({1: "one"}))
class Status:
    OK = 200
def dotted_key(m):
    match m:
        case {Status.OK: body}:
            return f"ok body {body}"
    return "not ok"
print(dotted_key({200: "hi"}), dotted_key({404: "x"}))
class MyMapping:
    def __init__(self, d):
        self.d = d
    def keys(self):
        return self.d.keys()
    def __getitem__(self, k):
        return self.d[k]
print(handle(MyMapping({"type": "click", "pos": (0, 0)})))
def rest_copy(m):
    match m:
        case {"a": 1, **others}:
            others["new"] = True
            return others, m
print(rest_copy({"a": 1, "b": 2, "c": 3}))
def value_none(m):
    match m:
        case {"k": None}:
            return "k is None"
        case {"k": _}:
            return "k present"
    return "k missing"
print(value_none({"k": None}), value_none({"k": 0}), value_none({}))
class DefaultDictLike(dict):
    def __missing__(self, key):
        return "default"
print(value_none(DefaultDictLike()))
def nested_map(m):
    match m:
        case {"user": {"name": str(name), "roles": [*roles]}}:
            return f"{name} has {roles}"
    return "invalid"
print(nested_map({"user": {"name": "ann", "roles": ["admin", "dev"]}}), nested_map({"user": {"name": 1}}))
