# String literal forms: quotes, raw, bytes, escapes, concatenation.
print('single', "double", '''triple single''', """triple double""")
print('it\'s', "say \"hi\"", 'mixed "quotes"', "mixed 'quotes'")
print(repr('tab\tnewline\nbackslash\\'))
print(repr('\a\b\f\v\r\0'))
print(repr('\x41\x62\x7e'), repr('\x00\x7f\x80\xff'))
print(repr('\u00e9\u4e2d\u0394'), repr('\U0001F600'), repr('\U00000041'))
print(repr('\N{GREEK SMALL LETTER ALPHA}'), '\N{LATIN CAPITAL LETTER A WITH GRAVE}')
print(repr('\N{BULLET}'), repr('\N{EM DASH}'), repr('\N{SNOWMAN}'))
print(repr('\101\102\7\17\177\377'), repr('\1234'))
print(repr(r'raw\n\t\x41'), repr(R'RAW\\'), repr(r"a\"b"))
print(repr(b'bytes\x00\xff\n'), repr(B"B"), repr(br'\x41'), repr(Rb'\n'), repr(rB'z'))
print(repr(b'\101\x7f'), repr(b"it's"), repr(b'say "x"'), repr(b'both \' and "'))
print(repr('unknown \q escape'), repr('\9'), len('\q'))
print('adjacent' ' concatenation' " works")
print('a' 'b'
      'c')
x = ('implicit'
     ' join'
     "ed")
print(x)
print(b'by' b'tes' b'!')
print(repr('''line1
line2\
 continued
line3'''))
print(repr("""has 'single' and "double" and ''' triples"""))
print(repr('''ends with quote"'''))
print(len('\N{DIGIT ONE}\x31\u0031\61'), '\N{DIGIT ONE}\x31\u0031\61')
print(repr('\u00A0\u200b\ufeff'), repr('\x1b[0m'), repr('\ud800'[0:0]))
print(repr("'"), repr('"'), repr('\'"'), repr("'\""))
print(repr('\\'), repr('\\\\n'), len(r'\\'))
print('emoji: \U0001F40D', len('\U0001F40D'), ascii('\U0001F40D'))
print(ascii('café ñ'), ascii(b'x'), ascii(['é']))
s = 'line\
join'
print(s)
print(u'unicode prefix', repr(U'X'))
