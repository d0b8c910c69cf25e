# gc: collect() counts what CPython's collector finds (objects on or under
# reference cycles; acyclic garbage is freed by refcounting there), the
# switches and thresholds, is_tracked's rule.
import gc
class Node:
    pass
gc.collect()
a = Node(); b = Node(); a.other = b; b.other = a
del a, b
print(gc.collect())
l = []; l.append(l); del l
print(gc.collect())
class Big:
    def __init__(self): self.me = self; self.data = [1, 2, 3]; self.name = "x"
x = Big(); del x
print(gc.collect())
print(gc.collect())
print(gc.isenabled(), gc.get_threshold())
gc.disable(); print(gc.isenabled()); gc.enable()
d = {}; d['self'] = d; del d
print(gc.collect())

class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
        self.parent = None

def make_tree():
    root = Node("root")
    for i in range(3):
        c = Node(f"c{i}")
        c.parent = root
        root.children.append(c)
    return root

gc.collect()
t = make_tree()
del t
print("tree", gc.collect())

def closure_cycle():
    def inner():
        return inner
    return inner
f = closure_cycle()
del f
print("closure", gc.collect())

d = {"a": [1, 2]}
d["me"] = d
del d
print("dict", gc.collect())

s = [(1, 2), ("x",)]
s.append(s)
del s
print("list of tuples", gc.collect())

class WithSlots:
    __slots__ = ("other",)
a = WithSlots(); b = WithSlots(); a.other = b; b.other = a
del a, b
print("slots", gc.collect())

x = [1, 2, 3]
del x
print("acyclic", gc.collect())
print(gc.collect(0), gc.collect(1), gc.collect(2))
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError", e)
print(gc.is_tracked(1), gc.is_tracked("a"), gc.is_tracked([]), gc.is_tracked({}))
print(gc.garbage, gc.get_freeze_count())
gc.set_threshold(100, 5)
print(gc.get_threshold())
