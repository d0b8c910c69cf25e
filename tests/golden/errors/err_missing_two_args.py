def g(a, b, *, c):
    pass
g()
