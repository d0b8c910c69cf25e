# The attribute caches remember that a method name was absent from the
# last instance dict seen; any key added to or removed from that dict
# must make the next lookup see the instance attribute again.
class C:
    def m(self):
        return "method"

    k = "class attr"


def call_m(o):
    return o.m()


def load_k(o):
    return o.k


c = C()
print([call_m(c) for _ in range(3)])
c.m = lambda: "instance attr"
print(call_m(c))
del c.m
print(call_m(c))
c.__dict__["m"] = lambda: "via __dict__"
print(call_m(c))
c.__dict__.pop("m")
print(call_m(c))

print([load_k(c) for _ in range(3)])
c.k = "instance k"
print(load_k(c))
vars(c).clear()
print(load_k(c))
setattr(c, "k", "setattr k")
print(load_k(c))
c.__dict__.update(k="update k")
print(load_k(c))

# Two objects alternating at one site, one of them with the name.
a, b = C(), C()
b.m = lambda: "b's own"
print([call_m(x) for x in (a, b, a, b, a)])
b.__dict__.popitem()
print([call_m(x) for x in (a, b, a)])

# Rebuilding the dict with the same keys in another order.
d = C()
d.x = 1
d.y = 2
print(load_k(d), call_m(d))
d.__dict__ = {"y": 2, "x": 1, "m": lambda: "new dict"}
print(load_k(d), call_m(d))
