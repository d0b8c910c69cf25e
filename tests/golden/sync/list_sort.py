# list.sort and sorted: key, reverse, stability, mixed numeric types, errors.
nums = [5, 2, 9, 1, 5, 6, -3, 0]
print(sorted(nums), sorted(nums, reverse=True), nums)
nums.sort()
print(nums)
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
records = [("ann", 30), ("bob", 25), ("cat", 30), ("dan", 25), ("eve", 35)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(records, key=lambda r: (-r[1], r[0])))
by_name = sorted(records, key=lambda r: r[0], reverse=True)
print(sorted(by_name, key=lambda r: r[1]))
stable = [(1, 'a'), (0, 'b'), (1, 'c'), (0, 'd'), (1, 'e')]
print(sorted(stable, key=lambda t: t[0]), sorted(stable, key=lambda t: t[0], reverse=True))
print(sorted([3, 1.5, True, 2, -0.5, False]), sorted([[2, 1], [1, 2], [1], []]), sorted([(1, 'b'), (1, 'a')]))
print(sorted("hello"), sorted({3: 'a', 1: 'b'}), sorted({5, 3, 9}), sorted(x for x in (3, 1, 2)))
print(sorted([], key=len), sorted([1]), sorted(range(10, 0, -3)))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    [3, None, 1].sort()
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1, 2], lambda x: x)
except TypeError as e:
    print(type(e).__name__, e)
class Card:
    order = "23456789TJQKA"
    def __init__(self, r, s):
        self.r, self.s = r, s
    def __lt__(self, other):
        return self.order.index(self.r) < self.order.index(other.r)
    def __repr__(self):
        return self.r + self.s
hand = [Card("K", "h"), Card("3", "s"), Card("A", "d"), Card("3", "c"), Card("T", "h")]
print(sorted(hand), sorted(hand, reverse=True), min(hand), max(hand))
calls = []
def key(x):
    calls.append(x)
    return -x
print(sorted([3, 1, 2], key=key), calls)
data = list(range(20))
data.sort(key=lambda v: v % 3)
print(data)
data.sort(key=lambda v: v % 3, reverse=True)
print(data)
s = ["b", "A", "c", "B", "a"]
s.sort(key=str.casefold)
print(s)
print(sorted([0.1, -0.0, 0.0, -1e-9, 1e-9]))
big = [(i * 7919) % 1000 for i in range(200)]
print(sorted(big)[:10], sorted(big)[-5:], sorted(big) == sorted(big, reverse=True)[::-1])
mutating = [3, 2, 1]
def bad_key(v):
    mutating.append(v)
    return v
try:
    mutating.sort(key=bad_key)
except ValueError as e:
    print(type(e).__name__, e)
print(sorted(["10", "9", "100", "1"]), sorted(["10", "9", "100", "1"], key=int))
