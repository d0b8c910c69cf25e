def f(a):
    return a
print("calling f()")
f()
