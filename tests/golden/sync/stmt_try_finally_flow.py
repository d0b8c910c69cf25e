# finally with return/break/continue, exceptions in finally, overriding.
def ret_in_try():
    try:
        return "try"
    finally:
        print("  finally after return")
print(ret_in_try())
def ret_override():
    try:
        return "try"
    finally:
        return "finally"
print(ret_override())
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallowed exception"
print(swallow())
def exc_in_finally():
    try:
        raise ValueError("original")
    finally:
        raise TypeError("from finally")
try:
    exc_in_finally()
except Exception as e:
    print(type(e).__name__, e, "context:", repr(e.__context__))
def order_log():
    log = []
    try:
        log.append("try")
        try:
            log.append("inner try")
            raise KeyError
        finally:
            log.append("inner finally")
    except KeyError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("outer finally")
    return log
print(order_log())
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
def break_in_finally():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return "break discarded exception", i
print(break_in_finally())
def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise ValueError
            out.append(i)
        finally:
            continue
    return out
print(continue_in_finally())
def value_at_return():
    x = 1
    try:
        return x
    finally:
        x = 2
print("returned", value_at_return())
def mutable_at_return():
    x = [1]
    try:
        return x
    finally:
        x.append(2)
print("returned", mutable_at_return())
def nested_finally():
    try:
        try:
            return "inner"
        finally:
            print("  inner finally")
    finally:
        print("  outer finally")
print(nested_finally())
def while_finally():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                return n
        finally:
            print("  while finally", n)
print(while_finally())
def else_return():
    try:
        x = 1
    except Exception:
        return "except"
    else:
        return "else"
    finally:
        print("  finally before else-return")
print(else_return())
def exception_in_except():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            {}['missing']
        finally:
            print("  finally still runs")
    except KeyError as e:
        return f"KeyError {e} context={type(e.__context__).__name__}"
print(exception_in_except())
def finally_sees_exception():
    import sys
    try:
        try:
            raise ValueError("active")
        finally:
            print("  exc_info in finally:", sys.exc_info()[0].__name__)
    except ValueError:
        pass
finally_sees_exception()
def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print("  generator finally")
g = gen_finally()
for v in g:
    print("got", v)
    break
print("after loop")
g.close()
print("after close")
