# open(): write text, read back in several ways, append, binary, errors.
NAME = "_tmp_builtin_open.txt"
with open(NAME, "w") as f:
    n = f.write("first line\n")
    f.write("second line\n")
    f.writelines(["third\n", "fourth"])
    print("write returned", n, f.closed, f.mode, f.name)
print("closed after with:", f.closed)
with open(NAME) as f:
    print(repr(f.read()))
with open(NAME, "r") as f:
    print(repr(f.readline()), repr(f.readline()))
    print(f.readlines())
with open(NAME) as f:
    print([line.rstrip("\n") for line in f])
with open(NAME) as f:
    print(repr(f.read(5)), repr(f.read(6)), repr(f.read()), repr(f.read()))
with open(NAME, "a") as f:
    f.write("\nappended é中")
with open(NAME, encoding="utf-8") as f:
    print(f.read().splitlines()[-1])
with open(NAME, "rb") as f:
    data = f.read()
    print(type(data).__name__, data[-9:], len(data))
with open(NAME, "wb") as f:
    f.write(b"bin\x00ary\n")
with open(NAME, "rb") as f:
    print(f.read())
with open(NAME, "w") as f:
    print("via print to file", 42, sep="|", file=f)
    print("second print", file=f)
with open(NAME) as f:
    print(f.read().splitlines())
f = open(NAME, "w")
f.write("manual close")
f.close()
print(open(NAME).read())
try:
    f.write("after close")
except ValueError as e:
    print(type(e).__name__, e)
try:
    open("_definitely_missing_file_.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.filename)
    print(e)
try:
    open(NAME, "rx")
except ValueError as e:
    print(type(e).__name__, e)
with open(NAME, "w") as f:
    f.write("x\r\ny\rz\n")
with open(NAME, newline="") as f:
    print(repr(f.read()))
with open(NAME) as f:
    print(repr(f.read()))
with open(NAME, "w") as f:
    pass
print(repr(open(NAME).read()))
try:
    with open(NAME) as f:
        f.write("not writable")
except Exception as e:
    print(type(e).__name__, e)
with open(NAME, "w") as f:
    f.write("")
