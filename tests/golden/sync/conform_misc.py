# Assorted conformance checks: float.fromhex rounding, OSError args,
# str.format field scanning, dict view comparisons, int digit limit.
for s in ['0x1.0000000000000800p0', '0x1.0000000000001800p0', '0x1p-1075', '0x1.1p-1075', '0x.8', 'inf', '-0x0p0', '0x1.fffffffffffffp1023']:
    print(s, float.fromhex(s))
for s in ['0x1p1024', '0x', 'x', '0x1p', '0x1.8p+', '0x1.8p1 junk']:
    try:
        print(float.fromhex(s))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print((5e-324).hex(), (-0.0).hex(), float('inf').hex(), (1.5).hex())
e = OSError(2, 'nf', 'x')
print(type(e).__name__, e, repr(e), e.args, e.errno, e.filename)
print(type(OSError(13, 'denied')).__name__, type(OSError(99, 'z')).__name__, type(OSError(2)).__name__)
print(OSError(1, 'a', 'b', None, 'c'), OSError(17, 'exists').strerror)
for fmt in ['{a{b}', '{0!r:{}', '{0[a]{b}', '{0!r}}', '{!}', '{0!ab}', '{:>{}}', '{0[-1]}']:
    try:
        print(repr(fmt), repr(fmt.format({'-1': 'neg'})))
    except Exception as ex:
        print(repr(fmt), type(ex).__name__, ex)
d = {'a': 1, 'b': 2}
print(d.keys() <= {'a', 'b', 'c'}, d.keys() < {'a'}, {'a', 'b'} == d.keys(), d.items() >= {('a', 1)})
print({3, 4} - d.keys(), d.keys() ^ ['b', 'z'] == {'a', 'z'}, d.keys().mapping)
try:
    int('1' * 5000)
except ValueError as ex:
    print(str(ex)[:40])
def show(**kw):
    return kw
try:
    show(**{'a': 1}, a=2)
except TypeError as ex:
    print(ex)
try:
    print({**[1]})
except TypeError as ex:
    print(ex)
print(list(iter(iter([1, 2]).__next__, None)) if False else sorted({100, 200, 300, 400, 500, 600, 700, 800, 900}), {100, 200, 300, 400, 500, 600, 700, 800, 900})
class Point:
    def __init__(self):
        self.value = 1
try:
    Point().valeu
except AttributeError as ex:
    print(ex, ex.name)
