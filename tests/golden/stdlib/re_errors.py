# re: error messages and positions for bad patterns and templates,
# type errors, and edge cases of empty matches.
import re

bad = ['(', ')', '*', 'a**', '[a', 'a{3,1}', '(?P<1>a)', '(?P<n>a)(?P<n>b)', r'\q', 'a)', '(?<x)',
       r'(a)\2', '(?P=missing)', '[z-a]', '(?#unterminated', '(?z)', r'\1(a)', '+a',
       'a|*', '(?i', '(?<=a+)b', 'abc\n(', r'[\d-z]', '{1,2}', '(?P<a-b>x)']
for p in bad:
    try:
        re.compile(p)
        print(repr(p), 'compiled')
    except re.error as e:
        print(repr(p), '->', e, '|', e.msg, e.pos, e.lineno, e.colno)
try:
    re.compile('x{99999999999}')
except OverflowError as e:
    print('OverflowError:', e)
for repl in [r'\3', r'\g<x>', r'\g<1', r'\q', '\\']:
    try:
        print(re.sub(r'(a)(?P<n>b)', repl, 'ab'))
    except (re.error, IndexError) as e:
        print(repr(repl), type(e).__name__, e)
print(re.sub(r'(a)(?P<n>b)', r'\g<0>\g<n>\g<2>\1\\', 'ab'), re.sub('(a)|b', r'[\1]', 'ab'))
for bad_call in (lambda: re.match('a', b'a'), lambda: re.match(b'a', 'a'), lambda: re.compile(5),
                 lambda: re.compile(re.compile('a'), re.I), lambda: re.match('(a)', 'a').group(2),
                 lambda: re.match('(a)', 'a').group('x')):
    try:
        bad_call()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
print(re.findall(r'\b', 'ab cd'), re.findall(r'x*', 'axxb'), list(re.finditer(r'', 'ab')), re.sub(r'x*', '-', 'xaxx'))
print(re.match(r'(a*)*', 'b').groups(), re.match(r'(a*)+', 'aa').groups(), re.match(r'(a|)*b', 'aab').span())
print(re.search(r'$', 'abc\n'), re.search(r'\Z', 'abc\n'), re.findall(r'$', 'a\nb\n', re.M), re.search(r'^', 'x', re.M))
print(re.compile('a').match('ba', 1), re.compile('^a').match('ba', 1), re.compile('a$').search('ab', 0, 1), re.compile('a').search('aaa', 1, 2))
print(re.compile(r'\d+').findall('1 22 333', 2, 6), re.compile('x').fullmatch('xy', 0, 1))
print(re.match(r'(?>a+)b', 'aaab'), re.match(r'(?>a+)ab', 'aaab'), re.match(r'a++b', 'aab'), re.match(r'a*+a', 'aaa'))
print(re.search(r'(?i)straße', 'STRASSE'), re.search(r'(?i)ÉCOLE', 'école'), re.findall(r'[a-c]', 'ABCabc', re.I))
print(re.sub(r'(?m)^', '> ', 'a\nb'), re.sub(r'(?s).+', 'X', 'a\nb'), re.split(r'(?=b)', 'abab'))
print(re.purge(), re.template if hasattr(re, 'template') else '', re.Pattern, re.Match, type(re.compile('')).__name__)
