# __cause__, __context__, __suppress_context__ and chaining through handlers.
def chain(e):
    parts = []
    while e is not None:
        link = "cause" if e.__cause__ is not None else ("context" if e.__context__ is not None and not e.__suppress_context__ else "end")
        parts.append(f"{type(e).__name__}({', '.join(map(str, e.args))})[{link}]")
        e = e.__cause__ if e.__cause__ is not None else (None if e.__suppress_context__ else e.__context__)
    return " -> ".join(parts)
def implicit():
    try:
        {}["a"]
    except KeyError:
        [][0]
def explicit():
    try:
        int("x")
    except ValueError as e:
        raise RuntimeError("wrapped") from e
def suppressed():
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("clean") from None
def three_levels():
    try:
        try:
            raise OSError("disk")
        except OSError as e:
            raise ValueError("parse") from e
    except ValueError:
        raise RuntimeError("top")
for fn in (implicit, explicit, suppressed, three_levels):
    try:
        fn()
    except Exception as e:
        print(fn.__name__ + ":", chain(e))
try:
    suppressed()
except TypeError as e:
    print("context still recorded:", repr(e.__context__), e.__suppress_context__)
def context_not_self():
    try:
        raise ValueError("same")
    except ValueError as e:
        try:
            raise e
        except ValueError as e2:
            return e2.__context__
print("re-raise same object context:", context_not_self())
def handler_finished_no_context():
    try:
        raise ValueError("old")
    except ValueError:
        pass
    try:
        raise KeyError("new")
    except KeyError as e:
        return e.__context__
print("after handler completes:", handler_finished_no_context())
def context_in_finally():
    try:
        try:
            raise ValueError("body")
        finally:
            raise KeyError("finally")
    except KeyError as e:
        return repr(e.__context__)
print("finally context:", context_in_finally())
e = RuntimeError("x")
print(e.__cause__, e.__context__, e.__suppress_context__, e.__traceback__)
try:
    raise e
except RuntimeError:
    print("traceback set:", e.__traceback__ is not None)
try:
    e.__cause__ = "not an exception"
except TypeError as err:
    print(type(err).__name__, err)
def cycle():
    try:
        try:
            raise ValueError("A")
        except ValueError as a:
            try:
                raise TypeError("B")
            except TypeError as b:
                raise a
    except ValueError as final:
        return repr(final.__context__), repr(final.__context__.__context__)
print("cycle handling:", cycle())
try:
    try:
        raise ValueError(1)
    except ValueError as v:
        raise KeyError(2) from v
except KeyError as k:
    print(k.__cause__ is k.__context__, repr(k.__cause__))
