# Integrated program: text processing with str methods, dict counting, sorting, formatting.
TEXT = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness."""
lines = TEXT.splitlines()
print(len(lines), "lines,", len(TEXT), "chars,", len(TEXT.split()), "words")
words = [w.strip(".,").lower() for w in TEXT.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
for word, n in top:
    print(f"{word:>8} {'#' * n} {n}")
print(sorted(w for w, n in freq.items() if n == 1))
lengths = {}
for w in set(words):
    lengths.setdefault(len(w), []).append(w)
for k in sorted(lengths):
    print(k, sorted(lengths[k]))
print([line[:12].title() for line in lines])
print(" ".join(w[::-1] for w in lines[0].split()[:4]))
vowels = sum(1 for c in TEXT.lower() if c in "aeiou")
print("vowels", vowels, "ratio", f"{vowels / len(TEXT):.3f}")
caps = [w for w in TEXT.replace(",", " ").replace(".", " ").split() if w[0].isupper()]
print(caps)
acronym = "".join(w[0] for w in "portable network graphics".split()).upper()
print(acronym, "abc".center(9, "*"), "|".join(s.ljust(6) for s in ["a", "bb", "ccc"]) + "|")
table = str.maketrans("aeiou", "AEIOU")
print(lines[1].translate(table))
def wrap(text, width):
    out, cur = [], ""
    for w in text.split():
        if cur and len(cur) + 1 + len(w) > width:
            out.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}" if cur else w
    if cur:
        out.append(cur)
    return out
for row in wrap(TEXT, 28):
    print(f"|{row:<28}|")
print(TEXT.count("it was"), TEXT.lower().count("it was"), TEXT.find("age"), TEXT.rfind("age"), TEXT.index("Light"))
