# An exception group with a nested group, notes on both levels, raised
# from a function: CPython draws each member in a box.
def fail(kind, n):
    if kind == "v":
        raise ValueError(n)
    raise TypeError(n)

def collect():
    errors = []
    for i, kind in enumerate("vtv"):
        try:
            fail(kind, i)
        except Exception as e:
            errors.append(e)
    inner = ExceptionGroup("inner", errors[1:])
    inner.add_note("inner note")
    outer = ExceptionGroup("outer", [errors[0], inner, KeyError("k")])
    outer.add_note("first note")
    outer.add_note("second\nnote on two lines")
    raise outer

print("before")
collect()
