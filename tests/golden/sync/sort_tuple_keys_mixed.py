# Sorting by tuple keys mixing ints and strs (one shape for all keys):
# ties on every position keep the input order (stability), reverse=True
# keeps ties in input order too, non-ASCII strs order by code point.
counts = {"ze": 3, "mi": 3, "ka": 1, "ab": 3, "é": 2, "e": 2, "z": 1, "ä": 1}
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print(sorted(counts.items(), key=lambda kv: (kv[1], kv[0]), reverse=True))
rows = [("b", 1, "x", 0), ("a", 1, "x", 1), ("b", 1, "w", 2), ("a", 0, "x", 3), ("b", 1, "x", 4)]
print(sorted(rows, key=lambda r: (r[0], r[1], r[2])))
print(sorted(rows, key=lambda r: (r[1], r[0])))
print(sorted(rows, key=lambda r: (r[2], -r[3], r[0], r[1])))
print(sorted(rows, key=lambda r: (r[0], r[1]), reverse=True))
print(sorted(["bb", "a", "ccc", "dd"], key=lambda w: (len(w), w)))
print(sorted([(2, "b"), (1, "b"), (2, "a")]))
print(sorted([("x", 2, "b", "q", 1), ("x", 1, "b", "q", 0)]))
