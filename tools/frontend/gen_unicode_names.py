"""Regenerates src/lexer/unicode_names.bin: every Unicode character name
(plus the common aliases `\\N{...}` accepts), word-compressed. Algorithmic
names (CJK ideographs, Hangul syllables, Tangut, ...) are computed by
src/lexer/unicode_names.rs instead; their ranges are printed here for it.

Run with CPython 3.11: python3 tools/gen_unicode_names.py

Format (all integers little-endian):
  u16 word count, then per word: u8 length + ASCII bytes
  (words sorted by descending frequency, so frequent ones get 1-byte refs)
  then entries in code point order: varint code-point delta from the previous
  entry, u8 word count, word refs (index < 128: 1 byte; else 2 bytes
  0x80|hi, lo). Names are the words joined by single spaces.
"""
import collections
import os
import unicodedata

ALGORITHMIC = ('CJK UNIFIED IDEOGRAPH-', 'HANGUL SYLLABLE ', 'TANGUT IDEOGRAPH-',
               'KHITAN SMALL SCRIPT CHARACTER-', 'NUSHU CHARACTER-', 'CJK COMPATIBILITY IDEOGRAPH-')
ALIASES = {
    0x0: ["NULL", "NUL"], 0x7: ["ALERT", "BEL"], 0x8: ["BACKSPACE", "BS"],
    0x9: ["CHARACTER TABULATION", "HORIZONTAL TABULATION", "TAB", "HT"],
    0xA: ["LINE FEED", "NEW LINE", "END OF LINE", "LF", "NL", "EOL"],
    0xB: ["LINE TABULATION", "VERTICAL TABULATION", "VT"], 0xC: ["FORM FEED", "FF"],
    0xD: ["CARRIAGE RETURN", "CR"], 0x1B: ["ESCAPE", "ESC"], 0x7F: ["DELETE", "DEL"],
    0x20: ["SP"], 0xA0: ["NBSP"], 0xAD: ["SHY"], 0x200B: ["ZWSP"], 0x200C: ["ZWNJ"],
    0x200D: ["ZWJ"], 0xFEFF: ["BYTE ORDER MARK", "BOM", "ZWNBSP"],
}

entries = []
ranges = collections.defaultdict(list)
for cp in range(0x110000):
    name = unicodedata.name(chr(cp), None)
    if name is None:
        continue
    prefix = next((p for p in ALGORITHMIC if name.startswith(p)), None)
    if prefix:
        r = ranges[prefix]
        if r and r[-1][1] == cp - 1:
            r[-1][1] = cp
        else:
            r.append([cp, cp])
        continue
    entries.append((cp, name))
for cp, names in ALIASES.items():
    for n in names:
        entries.append((cp, n))
entries.sort()

freq = collections.Counter(w for _, n in entries for w in n.split(' '))
words = [w for w, _ in freq.most_common()]
index = {w: i for i, w in enumerate(words)}
assert len(words) < 0x8000

out = bytearray()
out += len(words).to_bytes(2, 'little')
for w in words:
    b = w.encode('ascii')
    out.append(len(b))
    out += b
prev = 0
for cp, name in entries:
    delta = cp - prev
    prev = cp
    while True:
        byte = delta & 0x7F
        delta >>= 7
        out.append(byte | (0x80 if delta else 0))
        if not delta:
            break
    ws = name.split(' ')
    out.append(len(ws))
    for w in ws:
        i = index[w]
        if i < 128:
            out.append(i)
        else:
            out += bytes([0x80 | (i >> 8), i & 0xFF])

path = os.path.join(os.path.dirname(__file__), '..', 'src', 'lexer', 'unicode_names.bin')
with open(path, 'wb') as f:
    f.write(out)
print('wrote %d bytes, %d names, %d words' % (len(out), len(entries), len(words)))
for p, r in ranges.items():
    print(p, ', '.join('(0x%X, 0x%X)' % tuple(x) for x in r))
