def g(a, *, c):
    pass
g(1)
