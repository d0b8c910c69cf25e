# Custom exception classes: args, extra attributes, __str__, hierarchy.
class AppError(Exception):
    pass
class ConfigError(AppError):
    def __init__(self, key, reason="missing"):
        super().__init__(f"config key {key!r}: {reason}")
        self.key = key
        self.reason = reason
class HTTPError(AppError):
    def __init__(self, status, message):
        self.status = status
        self.message = message
    def __str__(self):
        return f"HTTP {self.status}: {self.message}"
class NoInitCall(Exception):
    def __init__(self, a, b):
        self.a = a
class WithRepr(Exception):
    def __repr__(self):
        return "WithRepr<custom>"
for exc in [AppError(), AppError("one"), AppError("one", 2), ConfigError("db"), ConfigError("port", reason="invalid"),
            HTTPError(404, "not found"), NoInitCall(1, 2), WithRepr("w")]:
    print(type(exc).__name__, "| str:", str(exc), "| repr:", repr(exc), "| args:", exc.args)
try:
    raise ConfigError("timeout")
except AppError as e:
    print("caught as AppError:", e, e.key, e.reason, isinstance(e, Exception))
try:
    raise HTTPError(500, "boom")
except ConfigError:
    print("wrong")
except AppError as e:
    print("HTTPError caught:", e.status, e)
print(ConfigError.__mro__)
print([c.__name__ for c in HTTPError.__mro__])
e = AppError("x")
e.extra = [1, 2]
print(e.extra, vars(e))
class Stateful(Exception):
    count = 0
    def __init__(self, *args):
        super().__init__(*args)
        Stateful.count += 1
for i in range(3):
    try:
        raise Stateful(i)
    except Stateful as s:
        last = s
print(Stateful.count, last.args)
class KeyLike(KeyError):
    pass
try:
    raise KeyLike("custom key")
except LookupError as e:
    print(type(e).__name__, str(e), repr(e))
class BaseOnly(BaseException):
    pass
try:
    try:
        raise BaseOnly("base")
    except Exception:
        print("not caught by Exception")
except BaseException as e:
    print("caught by BaseException:", repr(e))
e = AppError("a", "b")
e.args = ("replaced",)
print(str(e), e.args)
e.args = "xyz"
print(e.args)
class WithDefaultMsg(Exception):
    def __init__(self, msg="default message"):
        super().__init__(msg)
print(str(WithDefaultMsg()), repr(WithDefaultMsg("given")))
class WithNote(ValueError):
    pass
w = WithNote("noted")
w.add_note("first note")
w.add_note("second note")
print(w.__notes__)
try:
    w.add_note(5)
except TypeError as err:
    print(type(err).__name__, err)
print(isinstance(ConfigError("k"), (TypeError, AppError)))
