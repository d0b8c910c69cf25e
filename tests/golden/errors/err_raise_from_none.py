try:
    int("bad")
except ValueError:
    raise LookupError("clean") from None
