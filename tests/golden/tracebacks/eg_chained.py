# Members with their own cause and context chains, and a group raised
# while handling another exception.
def member(i):
    try:
        try:
            raise OSError(f"disk {i}")
        except OSError as e:
            raise RuntimeError(f"cannot save {i}") from e
    except RuntimeError as e:
        if i == 1:
            try:
                {}["missing"]
            except KeyError:
                return ValueError(f"while handling {i}")
        return e

members = [member(i) for i in range(3)]
try:
    1 / 0
except ZeroDivisionError:
    raise BaseExceptionGroup("chained", members + [SystemExit(3)])
