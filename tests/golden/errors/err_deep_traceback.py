def outer():
    def inner():
        raise TypeError("deep in the stack")
    inner()
print("calling")
outer()
