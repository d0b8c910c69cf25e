# assert with and without messages (caught).
assert True
assert 1 == 1, "never shown"
try:
    assert False
except AssertionError as e:
    print(type(e).__name__, repr(e), e.args)
try:
    assert 1 > 2, "one is not greater than two"
except AssertionError as e:
    print(type(e).__name__, e, e.args)
try:
    x = [1]
    assert not x, f"x was {x!r}"
except AssertionError as e:
    print(e)
try:
    assert None, ("tuple", "message")
except AssertionError as e:
    print(e.args, str(e))
try:
    assert 0, 42
except AssertionError as e:
    print(repr(e))
calls = []
def msg():
    calls.append(1)
    return "evaluated"
assert True, msg()
print("message evaluated on success:", bool(calls))
try:
    assert [], msg()
except AssertionError as e:
    print(e, len(calls))
print(__debug__)
print(issubclass(AssertionError, Exception))
