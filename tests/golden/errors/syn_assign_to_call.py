def f():
    return 1
if f() = 1:
    pass
