def gen():
    yield 1
    raise StopIteration("inside")
list(gen())
