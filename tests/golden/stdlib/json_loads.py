# json.loads: values, nesting, escapes, numbers, hooks, and
# JSONDecodeError messages/positions exactly as CPython reports them.
import json
from collections import OrderedDict


print(json.loads('{"a": [1, 2.5, "x", true, false, null], "b": {"c": {}}}'))
print(json.loads('  [ 1 , -2 , 3e2 , 4E-1 , -0 , 0.5 , 12345678901234567890 ]  '))
print(json.loads('"esc: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\u2603 \\ud83d\\ude00"'))
print(json.loads('"raw unicode: héllo ☃"'), json.loads('[]'), json.loads('{}'), json.loads('""'))
print(json.loads('NaN'), json.loads('Infinity'), json.loads('-Infinity'), json.loads('[1e400]'))
print(json.loads('{"a": 1, "a": 2}'), json.loads(b'{"bytes": true}'), json.loads(bytearray(b'[1]')))
print(json.loads('1.0'), type(json.loads('1.0')).__name__, json.loads('10'), json.loads('"1"'))
print(json.loads('{"x": 1.5}', parse_float=lambda t: ("float", t)), json.loads('[1, 2]', parse_int=float))
print(json.loads('[NaN]', parse_constant=lambda c: 'const:' + c))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=OrderedDict))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=list))


def as_point(d):
    if '__point__' in d:
        return tuple(d['__point__'])
    return d


print(json.loads('[{"__point__": [1, 2]}, {"q": 3}]', object_hook=as_point))
print(json.loads('"tab\there"', strict=False))
docs = ['', ' ', '[1,]', '{"a":1,}', '{"a" 1}', '{a:1}', '[1 2]', '"abc', '"a\\x"',
        '"\\u12"', '"\\u12x4"', '1.', '01', '-', 'nul', 'tru', '[', '{', '{"a"', '{"a":',
        '"a\nb"', '[1]x', '{"a":}', '1.5e', '[1,\n2,\n  x]', '\n\n  {"k": tru}', '[-]',
        '{"a": [1, 2}', '"\\u00e9"x', '[1] [2]', '{"a": 1}}', '\ufeff[]', '"\\', '0x10', '.5',
        '+1', '[,1]', '{,}', '["a" "b"]', 'Infinityx', '{"a":1 "b":2}']
for d in docs:
    try:
        print(repr(d), '->', repr(json.loads(d)))
    except json.JSONDecodeError as e:
        print(repr(d), 'JSONDecodeError:', e, '|', e.msg, e.pos, e.lineno, e.colno)
try:
    json.loads(42)
except TypeError as e:
    print('TypeError:', e)
print(issubclass(json.JSONDecodeError, ValueError), json.JSONDecodeError.__module__)
try:
    json.loads('[1,')
except ValueError as e:
    print('ValueError caught:', e)
dec = json.JSONDecoder()
print(dec.decode('[1, 2]'), dec.raw_decode('{"a": 1} trailing'))
text = json.dumps({'round': ['trip', 1, 2.5, None, {'deep': True}]}, indent=2)
print(json.loads(text) == {'round': ['trip', 1, 2.5, None, {'deep': True}]})
import io
print(json.load(io.StringIO('{"from": "file"}')))
s = '{"users": [{"id": 1, "name": "A"}, {"id": 2, "name": "B"}]}'
users = json.loads(s)['users']
print([u['name'] for u in users if u['id'] > 1], len(json.loads(json.dumps(list(range(1000))))))
