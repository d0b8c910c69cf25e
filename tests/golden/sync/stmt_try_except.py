# try/except/else/finally basics: tuples of types, `as e`, ordering.
def attempt(fn):
    try:
        r = fn()
    except (ZeroDivisionError, ValueError) as e:
        print("  caught tuple:", type(e).__name__, e)
    except LookupError as e:
        print("  caught LookupError:", type(e).__name__, e)
    except Exception as e:
        print("  caught Exception:", type(e).__name__, e)
    else:
        print("  else, result", r)
    finally:
        print("  finally")
for fn in [lambda: 1 / 0, lambda: int("z"), lambda: [][1], lambda: {}['k'],
           lambda: None.x, lambda: "ok"]:
    attempt(fn)
try:
    pass
except:
    print("never")
else:
    print("else without exception")
try:
    raise KeyError("bare except")
except:
    print("bare except caught")
errs = (TypeError, KeyError)
try:
    {}["missing"]
except errs as e:
    print("caught via tuple variable", repr(e))
try:
    try:
        raise ValueError("inner")
    except TypeError:
        print("wrong handler")
    finally:
        print("inner finally runs")
except ValueError as e:
    print("outer caught", e)
try:
    try:
        raise ValueError("one")
    except ValueError as e:
        print("handling", e)
        raise TypeError("two")
except TypeError as e:
    print("outer got", e, "context", repr(e.__context__))
def nested_handlers():
    try:
        raise IndexError("ix")
    except IndexError:
        try:
            raise KeyError("k")
        except KeyError as k:
            print("inner handled", repr(k), "context", repr(k.__context__))
        print("back in outer handler")
nested_handlers()
try:
    raise ValueError
except ValueError as e:
    print("no args:", repr(e), e.args, str(e) == "")
class MyErr(Exception):
    pass
try:
    raise MyErr("custom")
except Exception as e:
    print(type(e).__name__, isinstance(e, MyErr))
def exc_var_cleared():
    e = "before"
    try:
        raise ValueError
    except ValueError as e:
        pass
    return 'e' in locals()
print("e still bound:", exc_var_cleared())
def order():
    try:
        raise KeyError(1)
    except LookupError:
        return "LookupError first"
    except KeyError:
        return "KeyError second"
print(order())
try:
    try:
        raise ValueError("x")
    except (TypeError, (KeyError, ValueError)) as e:
        print("nested tuple caught", e)
except TypeError as e:
    print("nested tuple error", e)
try:
    try:
        raise ValueError("x")
    except 42:
        pass
except TypeError as e:
    print(type(e).__name__, e)
for i in range(3):
    try:
        if i == 1:
            raise RuntimeError(i)
        print("iter", i, "ok")
    except RuntimeError as e:
        print("iter", i, "error", e)
x = 0
try:
    x = 1
finally:
    x += 10
print("x", x)
