# except* with several handlers, naked exceptions, re-raise and nesting.
def run(label, exc):
    print(f"--- {label}")
    try:
        try:
            raise exc
        except* ValueError as eg:
            print("ValueError handler:", repr(eg))
        except* (TypeError, KeyError) as eg:
            print("Type/KeyError handler:", repr(eg))
        except* OSError:
            print("OSError handler (no name)")
    except Exception as rest:
        print("left over:", repr(rest))

run("mixed", ExceptionGroup("g", [ValueError(1), TypeError(2), KeyError(3), ZeroDivisionError(4)]))
run("only values", ExceptionGroup("g", [ValueError(1), ValueError(2)]))
run("naked ValueError", ValueError("naked"))
run("naked unmatched", ZeroDivisionError("zero"))
run("nested", ExceptionGroup("outer", [ExceptionGroup("inner", [ValueError("deep"), OSError("os")]), TypeError("t")]))

# raising inside an except* handler
try:
    try:
        raise ExceptionGroup("g", [ValueError("v"), KeyError("k")])
    except* ValueError:
        raise RuntimeError("from handler")
except ExceptionGroup as eg:
    print("raised from handler:", repr(eg))
    for e in eg.exceptions:
        print("  ", repr(e), "context:", repr(e.__context__) if e.__context__ else None)

# bare raise re-raises the matched part
try:
    try:
        raise ExceptionGroup("g", [ValueError("v"), KeyError("k")])
    except* ValueError:
        print("re-raising the ValueError part")
        raise
    except* KeyError:
        print("KeyError part handled")
except ExceptionGroup as eg:
    print("outer got:", repr(eg))

# except* with a naked exception that is re-raised comes out naked? or grouped?
try:
    try:
        raise ValueError("solo")
    except* ValueError:
        raise
except Exception as e:
    print("naked re-raise:", type(e).__name__, repr(e))

# the else/finally clauses
try:
    pass
except* ValueError:
    print("no")
else:
    print("else runs when nothing raised")
finally:
    print("finally runs")
