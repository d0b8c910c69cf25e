# if / elif / else chains and truthiness of conditions.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"
for v in (-5, 0, 3, 42, 1000):
    print(v, classify(v))
for val in [0, 1, "", "x", [], [0], {}, {0: 0}, None, 0.0, -0.0, 1e-300, (), ((),), set(), range(0), range(1)]:
    if val:
        print(repr(val), "truthy")
    else:
        print(repr(val), "falsy")
x = 5
if x > 3:
    if x > 4:
        print("nested both")
    else:
        print("nested inner else")
if not x:
    print("no")
elif x:
    print("elif taken")
class Truth:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool called", self.v)
        return self.v
if Truth(False) or Truth(True):
    print("or chain")
if Truth(True) and Truth(False):
    print("unreachable")
else:
    print("and chain false")
class LenOnly:
    def __len__(self):
        return 0
print("LenOnly", "truthy" if LenOnly() else "falsy")
class BadBool:
    def __bool__(self):
        return 1
try:
    if BadBool():
        pass
except TypeError as e:
    print(type(e).__name__, e)
y = "yes" if x else "no"
print(y)
if x == 5: print("inline")
