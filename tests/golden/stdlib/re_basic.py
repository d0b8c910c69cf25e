# re: matching, searching, groups, findall/finditer, sub/subn, split,
# flags, Match and Pattern objects, and reprs.
import re

text = 'The quick brown fox jumps over the lazy dog. Contact: alice@example.com, bob@test.org'
print(re.search(r'\b\w{5}\b', text), re.match(r'The', text), re.match(r'quick', text))
print(re.findall(r'\b\w+@\w+\.\w+\b', text), re.findall(r'(\w+)@(\w+)\.(\w+)', text))
for m in re.finditer(r'(?P<user>\w+)@(?P<domain>[\w.]+)', text):
    print(m.group(), m.group('user'), m['domain'], m.start(), m.end(), m.span('user'), m.groupdict())
m = re.match(r'(\d{4})-(\d{2})-(\d{2})(T(\d\d):(\d\d))?', '2024-01-15')
print(m.groups(), m.groups('-'), m.group(1, 3), m.lastindex, m.lastgroup, m.re.pattern, m.string, m.pos, m.endpos)
print(m.expand(r'\3/\2/\1'), m.span(4), m.start(5), bool(m), m[0])
print(re.sub(r'(\d+)', r'[\1]', 'a1 b22 c333'), re.sub(r'\s+', ' ', '  many   spaces\there '), re.sub('a', 'b', 'aaa', count=2))
print(re.subn(r'o', '0', 'foo boo'), re.sub(r'(?P<w>\w+)', r'\g<w>!', 'hi there'), re.sub(r'x', r'\n', 'axb') == 'a\nb')
print(re.sub(r'(\w+)', lambda m: m.group(1).upper(), 'make me loud'), re.sub(r'', '-', 'abc'), re.sub(r'b*', 'X', 'abbc'))
print(re.split(r',\s*', 'a, b,c,   d'), re.split(r'(,)', 'a,b'), re.split(r'\s', 'a b c d', maxsplit=2), re.split(r'\d', 'abc'))
print(re.split(r'(?:x)|(y)', 'axbyc'), re.split(r'\b', 'hi there'), re.split('', 'abc'))
print(re.fullmatch(r'[A-Z][a-z]+', 'Hello'), re.fullmatch(r'[A-Z][a-z]+', 'Hello!'), re.fullmatch(r'a|ab', 'ab'))
print(re.findall(r'colou?r', 'color colour colouur'), re.findall(r'\d{2,4}', '1 12 123 12345'), re.findall(r'[^aeiou\s]+', 'hello world'))
print(re.findall(r'(?i)python', 'Python PYTHON python'), re.findall(r'python', 'Python PYTHON', re.IGNORECASE))
print(re.findall(r'^\d+$', '12\nab\n34', re.MULTILINE), re.findall(r'^\d+$', '12\nab\n34'), re.search(r'a.c', 'a\nc', re.DOTALL))
print(re.findall(r'''\d+  # digits
                     \s*  # space''', '1 2  3', re.VERBOSE), re.findall(r'\w+', 'héllo wörld'), re.findall(r'\w+', 'héllo', re.ASCII))
print(re.search(r'(\w+)\s\1', 'hello hello world'), re.findall(r'(a)(b)?', 'ab a'), re.match(r'(a)|(b)', 'b').groups())
print(re.findall(r'<(.*?)>', '<a> <bc>'), re.findall(r'<(.*)>', '<a> <bc>'), re.match(r'a*?b', 'aaab').group())
print(re.search(r'(?<!\$)\b\d+', 'cost $30 or 40'), re.search(r'\d+(?=%)', 'rate 15% now'), re.findall(r'\w+(?!\.)\b', 'a.b c'))
print(re.match(r'(?:ab)+', 'ababx').group(), re.match(r'(ab)+', 'ababx').group(1), re.match(r'(a|b)*', 'abba').span(1))
p = re.compile(r'(?P<key>\w+)=(?P<value>[^;]+)')
print(p, p.pattern, p.flags, p.groups, dict(p.groupindex), p.findall('a=1;b=two;c=3'))
print(dict(p.findall('x=10;y=20')), [m.groupdict() for m in p.finditer('k=v')], p.search('zz k=v', 3), p.match('zz k=v', 3))
print(p.sub(r'\g<value>=\g<key>', 'a=1;b=2'), p.split('a=1;b=2'), re.compile('abc', re.I | re.M), re.compile(b'\\d+'))
print(re.findall(rb'\d+', b'a12b3'), re.sub(rb'a', b'X', b'banana'), re.match(rb'(\w+)', b'hi there').group(1))
print(re.escape('1+1=2? (yes) [a-z] {x} $5 ^_^ a|b \\ .*'), re.escape(b'a.b'))
phone = re.compile(r'^\(?(\d{3})\)?[-.\s]?(\d{3})[-.\s]?(\d{4})$')
for num in ['(555) 123-4567', '555.123.4567', '5551234567', '555-1234']:
    m = phone.match(num)
    print(num, '->', m.groups() if m else None)
emails = ['user@example.com', 'bad@', 'first.last+tag@sub.domain.org', '@nope.com']
pat = re.compile(r'^[\w.+-]+@[\w-]+(\.[\w-]+)+$')
print([bool(pat.match(e)) for e in emails])
log = '2024-01-15 10:30:45 ERROR [db] Connection failed\n2024-01-15 10:31:00 INFO [web] Started\n'
for line in log.splitlines():
    m = re.match(r'(\S+) (\S+) (\w+) \[(\w+)\] (.*)', line)
    print(m.groups())
print(re.findall(r'\b[A-Z]{2,}\b', 'NASA and the FBI met UN'), re.sub(r'([a-z])([A-Z])', r'\1_\2', 'camelCaseString').lower())
words = re.findall(r"[a-z']+", "it's a dog's life, isn't it?")
print(words, len(re.findall(r'.', 'a\nb')), re.findall(r'\s', 'a b\tc\nd'), re.findall(r'[\d.]+', 'v1.2.3 and 4.5'))
