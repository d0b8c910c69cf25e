# Dicts and strings: build text, split, count words, join, str methods,
# formatting.
# kind: sync
import sys

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "qu", "ph", "an"]

def make_words(nwords, seed):
    x = seed
    words = []
    for _ in range(nwords):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        k = 1 + (x >> 16) % 3
        w = ""
        y = x
        for _ in range(k):
            w += SYLLABLES[y % 12]
            y //= 12
        words.append(w)
    return words

def main():
    scale = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    words = make_words(20000, 42)
    lines = []
    for i in range(0, len(words), 10):
        lines.append(" ".join(words[i:i + 10]))
    text = "\n".join(lines)
    total = 0
    for rnd in range(scale):
        counts = {}
        for line in text.split("\n"):
            for w in line.split():
                counts[w] = counts.get(w, 0) + 1
        bigrams = {}
        toks = text.split()
        for i in range(len(toks) - 1):
            key = (toks[i], toks[i + 1])
            if key in bigrams:
                bigrams[key] += 1
            else:
                bigrams[key] = 1
        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
        report = ", ".join(f"{w}={c}" for w, c in top)
        upper = text.upper().replace("KA", "_").count("_")
        starts = sum(1 for w in counts if w.startswith("mi") or w.endswith("ze"))
        fmt = "%s:%d" % (top[0][0], top[0][1])
        inv = {}
        for w, c in counts.items():
            inv.setdefault(c, []).append(w)
        joined = "|".join(sorted(inv[max(inv)]))
        total += len(counts) + len(bigrams) + upper + starts + len(report) + len(fmt) + len(joined)
        del counts[top[0][0]]
        total += len(counts)
    print("distinct", len(set(words)), "top", report)
    print("total", total)
    assert len(set(words)) == 1846 and top[0] == ("ze", 620)
    if scale == 20:
        assert total == 382080, total
    print("ok")

main()
