"""Regenerates src/lexer/unicode_tables.rs from this Python's unicodedata.

Run with CPython 3.11: python3 tools/gen_unicode_tables.py > src/lexer/unicode_tables.rs
"""
import unicodedata


def ranges(pred):
    out, start = [], None
    for cp in range(0x80, 0x110000):
        ok = pred(cp)
        if ok and start is None:
            start = cp
        if not ok and start is not None:
            out.append((start, cp - 1))
            start = None
    if start is not None:
        out.append((start, 0x10FFFF))
    return out


def emit(name, doc, rs):
    print(f"/// {doc}")
    print(f"pub static {name}: &[(u32, u32)] = &[")
    for i in range(0, len(rs), 6):
        chunk = rs[i:i + 6]
        print("    " + " ".join(f"(0x{a:X}, 0x{b:X})," for a, b in chunk))
    print("];")
    print()


print("//! Generated Unicode range tables (non-ASCII code points only) for")
print(f"//! identifier and printability checks; Unicode {unicodedata.unidata_version}.")
print("//! Regenerate with `python3 tools/gen_unicode_tables.py`; do not edit.")
print()
emit("XID_START", "Code points that may start an identifier (XID_Start).",
     ranges(lambda c: chr(c).isidentifier()))
emit("XID_CONTINUE", "Code points that may continue an identifier (XID_Continue).",
     ranges(lambda c: ("a" + chr(c)).isidentifier()))
emit("NON_PRINTABLE", "Code points that `str.isprintable()` rejects.",
     ranges(lambda c: not chr(c).isprintable()))
