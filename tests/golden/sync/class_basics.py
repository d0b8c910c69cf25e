# Classes: class vs instance attributes, bases, methods, introspection.
class Animal:
    kind = "animal"
    count = 0
    sounds = []
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return f"{self.name} makes a sound"
    def describe(self):
        return f"{self.name} is a {self.kind}"
class Dog(Animal):
    kind = "dog"
    def speak(self):
        return f"{self.name} barks"
a = Animal("generic")
d = Dog("rex")
print(a.speak(), "|", d.speak())
print(a.describe(), "|", d.describe())
print(Animal.count, Dog.count, d.count)
d.kind = "good dog"
print(d.describe(), Dog.kind, "kind" in vars(d))
del d.kind
print(d.describe())
a.sounds.append("shared")
print(d.sounds, Animal.sounds is Dog.sounds)
a.sounds = ["own"]
print(a.sounds, Animal.sounds)
print(Dog.__bases__, Animal.__bases__, Dog.__name__, Dog.__module__)
print(isinstance(d, Animal), isinstance(a, Dog), issubclass(Dog, Animal), issubclass(Dog, object))
print(type(d) is Dog, type(d).__name__, d.__class__.__name__)
print(sorted(k for k in vars(Animal) if not k.startswith('__')))
print(vars(d))
class Empty:
    pass
e = Empty()
e.x = 1
print(vars(e), Empty.__bases__, Empty.__doc__)
class WithDoc:
    "A class docstring."
print(WithDoc.__doc__)
print(Animal.speak(d), Dog.speak(d))
class Multi(Dog, Empty):
    pass
print([c.__name__ for c in Multi.__mro__])
class Counter:
    instances = []
    def __init__(self):
        self.instances.append(self)
        self.id = len(self.instances)
c1, c2 = Counter(), Counter()
print(c1.id, c2.id, len(Counter.instances))
class Meth:
    def m(self):
        return "method"
obj = Meth()
obj.m = lambda: "instance override"
print(obj.m(), Meth().m())
Meth.added = lambda self: "added later"
print(obj.added())
class Outer:
    class Inner:
        val = 5
    ref = Inner.val * 2
print(Outer.Inner.val, Outer.ref, Outer.Inner.__qualname__)
def external(self):
    return "external " + type(self).__name__
class UsesExternal:
    method = external
print(UsesExternal().method())
Dyn = type("Dyn", (Animal,), {"kind": "dynamic", "extra": lambda self: 99})
dy = Dyn("dd")
print(dy.describe(), dy.extra(), Dyn.__name__, Dyn.__bases__)
print(type(Dog), type(type), type(object))
try:
    Animal()
except TypeError as e:
    print(type(e).__name__, e)
try:
    d.nonexistent
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Dog.nonexistent
except AttributeError as e:
    print(type(e).__name__, e)
class A:
    x = 1
    y = x + 1
    lst = [x for _ in range(2)] if False else None
print(A.y)
