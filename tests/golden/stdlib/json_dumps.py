# json.dumps: default formatting, indent, sort_keys, separators,
# ensure_ascii, floats, escapes, key coercion, default=, cls=, errors.
import json

data = {'name': 'Ada', 'age': 36, 'langs': ['en', 'fr'], 'active': True,
        'score': 9.5, 'spouse': None, 'nested': {'k': [1, 2, {'z': []}], 'e': {}}}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, indent=4, sort_keys=True))
print(json.dumps(data, separators=(',', ':')))
print(json.dumps(data, indent='\t'))
print(json.dumps([1, [2, [3, []]], {}], indent=0))
print(json.dumps([]), json.dumps({}), json.dumps(None), json.dumps(True), json.dumps('s'))
print(json.dumps((1, 2)), json.dumps([(1, 'a')]), json.dumps(-0), json.dumps(10 ** 30))
print(json.dumps([0.1, 1.0, 1e16, 1e-7, -0.0, 3.141592653589793, 2.5e-300, 1e300, 100.0, 1234567.125]))
print(json.dumps([float('inf'), float('-inf'), float('nan')]))
print(json.dumps('héllo wörld ☃ 😀'), json.dumps('héllo ☃ 😀', ensure_ascii=False))
print(json.dumps('quote " backslash \\ slash / nl \n tab \t cr \r bs \b ff \f nul \x00 esc \x1b del \x7f'))
print(json.dumps('ctl \x01\x1f', ensure_ascii=False), json.dumps('\u2028\u2029'))
print(json.dumps({1: 'int', 2.5: 'float', False: 'bool', None: 'none', 'str': 's'}))
print(json.dumps({'b': 1, 'a': 2, 'c': {'z': 1, 'y': 2}}, sort_keys=True))
print(json.dumps({'a': 1}, skipkeys=True), json.dumps({(1, 2): 'x', 'ok': 1}, skipkeys=True))
for bad in (lambda: json.dumps({(1, 2): 3}), lambda: json.dumps(object()),
            lambda: json.dumps({1, 2}), lambda: json.dumps(float('nan'), allow_nan=False),
            lambda: json.dumps({'b': 1, 2: 3}, sort_keys=True), lambda: json.dumps(b'bytes')):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)
cyc = []
cyc.append(cyc)
try:
    json.dumps(cyc)
except ValueError as e:
    print('ValueError:', e)
cd = {}
cd['self'] = cd
try:
    json.dumps(cd)
except ValueError as e:
    print('ValueError:', e)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


print(json.dumps(Point(1, 2), default=lambda o: o.__dict__))
print(json.dumps({'p': Point(3, 4), 's': {5, 6}}, default=lambda o: sorted(o) if isinstance(o, set) else vars(o)))


class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {'__point__': [o.x, o.y]}
        if isinstance(o, complex):
            return [o.real, o.imag]
        return super().default(o)


print(json.dumps([Point(1, 2), 1 + 2j], cls=Enc))
print(Enc(indent=1).encode({'a': Point(0, 0)}))
try:
    json.dumps(object(), cls=Enc)
except TypeError as e:
    print('TypeError:', e)
enc = json.JSONEncoder(sort_keys=True, separators=(',', '='))
print(enc.encode({'y': 1, 'x': [1, 2]}), list(enc.iterencode([1, 'a'])) != [])
print(json.dumps({'k': 'v'}, indent=2, separators=(', ', ' = ')))


class MyDict(dict):
    pass


class MyList(list):
    pass


class MyStr(str):
    pass


class MyInt(int):
    pass


print(json.dumps(MyDict(a=MyList([MyStr('x'), MyInt(5), True]))))
import io
buf = io.StringIO()
json.dump({'x': [1, 2, 3]}, buf, indent=1)
print(buf.getvalue())
