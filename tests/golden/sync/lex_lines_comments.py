# Implicit line joining, backslash continuation, comments, semicolons.
total = (1 +  # comment inside parens
         2 +
         3)
print(total)
values = [
    1,
    2,  # trailing comma next
    3,
]
print(values)
d = {
    'a': 1,
    'b': 2
}
print(d)
long_sum = 1 + \
    2 + \
    3
print(long_sum)
if long_sum > 5 and \
   total > 5:
    print("both big")
x = 1; y = 2; z = 3
print(x, y, z); print("semicolon")
def f(a,
      b,
      c=3):
    return a + b + c
print(f(1,
        2))
# comment line
    # indented comment
print("after comments")  # trailing comment
s = """inside triple # not a comment
"""
print(repr(s))
print('# not a comment either')
if True: print("one-line if")
for i in range(2): print("loop", i)
while False: pass
class C: pass
def g(): return "one-line def"
print(g(), C.__name__)
t = 1,
print(t)
result = [i
          for i
          in range(3)
          if i]
print(result)
print(len("""
"""))
