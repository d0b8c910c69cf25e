# Built-in exception hierarchy checks.
pairs = [
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError), (FloatingPointError, ArithmeticError),
    (KeyError, LookupError), (IndexError, LookupError), (LookupError, Exception),
    (FileNotFoundError, OSError), (PermissionError, OSError), (TimeoutError, OSError),
    (ConnectionResetError, ConnectionError), (ConnectionError, OSError), (BrokenPipeError, ConnectionError),
    (IsADirectoryError, OSError), (FileExistsError, OSError), (InterruptedError, OSError),
    (IOError, OSError), (EnvironmentError, OSError),
    (UnicodeDecodeError, UnicodeError), (UnicodeError, ValueError), (UnicodeEncodeError, ValueError),
    (ModuleNotFoundError, ImportError), (RecursionError, RuntimeError), (NotImplementedError, RuntimeError),
    (UnboundLocalError, NameError), (IndentationError, SyntaxError), (TabError, IndentationError),
    (KeyboardInterrupt, Exception), (KeyboardInterrupt, BaseException), (SystemExit, Exception),
    (GeneratorExit, Exception), (StopIteration, Exception), (StopAsyncIteration, Exception),
    (Warning, Exception), (DeprecationWarning, Warning), (UserWarning, Warning),
    (BufferError, Exception), (EOFError, Exception), (MemoryError, Exception), (ReferenceError, Exception),
    (AssertionError, Exception), (AttributeError, Exception), (TypeError, ValueError), (bool, int),
    (KeyError, IndexError), (ArithmeticError, ZeroDivisionError),
]
for sub, sup in pairs:
    print(f"{sub.__name__} <= {sup.__name__}: {issubclass(sub, sup)}")
print(IOError is OSError, EnvironmentError is OSError)
for name in ["ZeroDivisionError", "KeyError", "FileNotFoundError", "UnicodeDecodeError", "TabError", "RecursionError", "StopIteration", "SystemExit"]:
    cls = eval(name)
    print(name, [c.__name__ for c in cls.__mro__])
def catch(exc, *types):
    try:
        raise exc
    except types as e:
        return f"{type(e).__name__} caught by {types}"[:80]
    except BaseException as e:
        return f"{type(e).__name__} escaped {[t.__name__ for t in types]}"
print(catch(ZeroDivisionError, ArithmeticError))
print(catch(KeyError("k"), LookupError))
print(catch(FileNotFoundError, OSError))
print(catch(KeyboardInterrupt, Exception))
print(catch(SystemExit, Exception))
print(catch(GeneratorExit, Exception))
print(isinstance(ZeroDivisionError(), ArithmeticError), isinstance(KeyError(), Exception))
print(ConnectionRefusedError.__bases__, ValueError.__bases__, BaseException.__bases__)
try:
    1 / 0
except ArithmeticError as e:
    print("ArithmeticError catches", type(e).__name__)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
try:
    int("")
except ValueError as e:
    print("ValueError:", e)
