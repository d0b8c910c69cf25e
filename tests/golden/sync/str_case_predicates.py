# Case conversion methods and is* predicates.
words = ["hello World", "HELLO", "ǅungla", "straße", "ÉCOLE", "mIxEd CaSe 123", "they're bill's friends", "", "ß", "İ", "ﬁ"]
for w in words:
    print(repr(w), "|", w.upper(), "|", w.lower(), "|", w.title(), "|", w.capitalize(), "|", w.swapcase(), "|", w.casefold())
print("hello world".title(), "hello-world_x".title(), "3rd place".title(), "o'neil".capitalize())
samples = ["", "abc", "ABC", "Abc", "abc123", "123", "12.5", "٣", "²", "½", "   ", "\t\n", "a b", "Title Case", "Not title case",
           "_id", "id2", "2id", "class", "é", "中文", "ABC def", "\x00", "hello!"]
preds = ["isalpha", "isdigit", "isdecimal", "isnumeric", "isalnum", "isspace", "isupper", "islower", "istitle", "isidentifier", "isprintable", "isascii"]
print("sample".ljust(16), " ".join(p[2:8].ljust(6) for p in preds))
for s in samples:
    print(repr(s).ljust(16), " ".join(str(getattr(s, p)())[0].ljust(6) for p in preds))
print("Hello".isupper(), "HELLO WORLD 1".isupper(), "hello world 1".islower(), "1".isupper(), "A1".isupper())
print("ABC".lower().upper(), "x".upper() * 3, "straße".upper().lower())
print(str.upper("abc"), str.lower("ABC"))
print("ǈ".istitle(), "ǈ".isupper(), "ǈ".islower(), "ǈ".upper(), "ǈ".lower(), "ǈ".title())
