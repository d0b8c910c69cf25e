# f-strings: expressions, conversions, debug '=', format specs.
import sys
name = "world"
n = 42
pi = 3.14159265
items = [1, 2, 3]
d = {'k': 'v', 'n': 5}
print(f"hello {name}!")
print(f"{n} {n+1} {n*2:5d}|{n:<6}|{n:^7}|{n:>8}|")
print(f"{name!r} {name!s} {'ünï'!a} {'ünï'!r}")
print(f"{pi:.2f} {pi:10.3f} {pi:e} {pi:g} {-pi:+.1f}")
width, prec = 12, 4
print(f"[{pi:{width}.{prec}f}]", f"[{name:>{width}}]", f"[{n:{'x' if n else 'd'}}]")
print(f"{n=}", f"{n = }", f"{n =}", f"{n= }")
print(f"{name=!s}", f"{name=}", f"{pi=:.2f}", f"{n * 2 = }")
print(f"{items[0]} {items[-1]} {d['k']} {d['n']:03}")
print(f"{'nested ' + f'{n:x}'}")
print(f"{{literal braces}} {{{n}}}")
print(f"{[x * 2 for x in items]}")
print(f"{(lambda y: y + 1)(5)}")
print(f"{n if n > 10 else 0}")
print(f"{','.join(str(i) for i in items)}")
print(F"capital F {n}", rf"raw \n {n}", fr'{name}\t')
print(f"multi"
      f"part {n}" " plain {n}")
print(f'''triple {
    n + 1
}''')
class P:
    def __format__(self, spec):
        return f"P<{spec}>"
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "p-str"
p = P()
print(f"{p} {p!r} {p!s} {p:abc} {p=} {p=:xyz}")
print(f"{3.0:}", f"{'s':}", f"{None}", f"{True:d}", f"{1e100}")
print(f"{n:#x} {n:#o} {n:#b} {n:,} {1234567:_} {0.5:%}")
print(f"{'a':*^9}", f"{-5:=+8}", f"{12345.678:,.2f}")
print(f"{d=}")
print(f"{items!r:>15}")
print(f"{ n }", f"{  name  !r}")
print(f"{n}" f"{n}")
dt = {"a": {"b": 7}}
print(f"{dt['a']['b']}")
print(f"{3:{'>'}{5}}")
print(f"result: {sum(i for i in range(10))}")
