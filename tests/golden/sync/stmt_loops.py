# while/else, for/else, break, continue, pass.
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    if i == 4:
        break
    print("while", i)
else:
    print("while-else not reached")
j = 0
while j < 3:
    j += 1
else:
    print("while-else ran", j)
for x in range(5):
    if x == 10:
        break
else:
    print("for-else ran")
for x in range(5):
    if x == 3:
        print("breaking at", x)
        break
else:
    print("for-else not reached")
for x in []:
    print("never")
else:
    print("empty for-else")
for i in range(3):
    for j in range(3):
        if j == 1:
            continue
        if i == 2:
            break
        print("nested", i, j)
    else:
        print("inner else", i)
for ch in "abc":
    pass
print("ch after loop", ch)
n = 0
while True:
    n += 1
    if n > 3:
        break
print("n", n)
total = 0
for i in range(10):
    if i % 2:
        continue
    total += i
print("total", total)
it = iter([1, 2, 3, 4])
for a in it:
    print("a", a, "next", next(it, None))
lst = [1, 2, 3]
for v in lst:
    if v == 1:
        lst.append(4)
    print("mutating", v)
while 0:
    pass
else:
    print("while 0 else")
count = 0
for i in range(3):
    try:
        if i == 1:
            continue
        count += 1
    finally:
        count += 10
print("count", count)
def find(seq, target):
    for idx, v in enumerate(seq):
        if v == target:
            return idx
    else:
        return -1
print(find([5, 6, 7], 7), find([5], 9))
x = 10
for x in range(2):
    pass
print("x", x)
for x in range(0):
    pass
print("x unchanged", x)
