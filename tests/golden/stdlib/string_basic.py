import string
from string import Template, Formatter

for name in ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits",
             "hexdigits", "octdigits", "punctuation", "whitespace"]:
    print(name, repr(getattr(string, name)))
print(repr(string.printable), len(string.printable))
print(string.capwords("hello   big  world"))
print(string.capwords("a-b-c dd", "-"))

t = Template("$who likes ${what}s, costs $$5 $who")
print(t.substitute(who="tim", what="kung pao"))
print(t.substitute({"who": "ann", "what": "x"}, what="y"))
print(Template("$a and $b").safe_substitute(a=1))
print(Template("${a} and ${b} $ x").safe_substitute(a=1))
try:
    Template("hi $name").substitute()
except KeyError as e:
    print("KeyError", e)
for bad in ["oops $ here", "line1\nx ${bad", "$1"]:
    try:
        Template(bad).substitute(x=1)
    except ValueError as e:
        print("ValueError", e)
print(Template("$a $b ${a} $$").get_identifiers())
print(Template("$a $").is_valid(), Template("$a").is_valid())
print(Template("$x_1y.z").substitute(x_1y=5))


class Pct(Template):
    delimiter = '%'


print(Pct("%who costs %%%n").safe_substitute(who="it"))

f = Formatter()
print(f.format("{0} {1!r} {x:>6}|{y[1]}|{z.real}", "a", "b", x=3, y=[7, 8], z=2.5))
print(f.format("{} {} {:{w}.{p}f}", 1, 2, 3.14159, w=8, p=2))
print(f.vformat("{a}{{}}{b!s}", (), {"a": 1, "b": "q"}))
print(list(f.parse("a{0}b{x!r:>3}c{{d}}")))


class Upper(Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()

    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return "<" + key + ">"
        return super().get_value(key, args, kwargs)


print(Upper().format("{a} and {missing} {0}", "zz", a="hey"))
for bad in ["{0} {}", "{} {0}", "a } b", "{0!x}"]:
    try:
        print(f.format(bad, 1, 2))
    except ValueError as e:
        print("ValueError", e)
