# except Exception vs BaseException; KeyboardInterrupt/SystemExit/GeneratorExit.
import sys
def run(exc):
    try:
        try:
            raise exc
        except Exception as e:
            return f"Exception caught {type(e).__name__}"
    except BaseException as e:
        return f"only BaseException caught {type(e).__name__}"
for exc in (ValueError, KeyboardInterrupt, SystemExit(0), GeneratorExit, StopIteration, ArithmeticError):
    print(run(exc))
try:
    sys.exit(5)
except SystemExit as e:
    print("sys.exit caught, code", e.code)
try:
    sys.exit()
except SystemExit as e:
    print("no-arg code", e.code)
try:
    sys.exit("text")
except SystemExit as e:
    print("text code", repr(e.code))
try:
    raise SystemExit
except BaseException as e:
    print("raised SystemExit:", repr(e), e.code)
def bare_except():
    try:
        raise KeyboardInterrupt
    except:
        return "bare except catches KeyboardInterrupt"
print(bare_except())
try:
    exit_called = False
    raise SystemExit(1)
except SystemExit:
    print("continuing after SystemExit")
class MyBase(BaseException):
    pass
try:
    try:
        raise MyBase("x")
    except Exception:
        print("no")
    finally:
        print("finally runs for BaseException too")
except MyBase as e:
    print("caught", repr(e))
