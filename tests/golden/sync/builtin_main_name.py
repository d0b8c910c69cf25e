# __name__ == "__main__" idiom and related module attributes.
import sys
def main():
    print("main() called, __name__ =", __name__)
    return 0
if __name__ == "__main__":
    main()
else:
    print("imported")
print(__name__, type(__name__).__name__)
print(main.__module__, sys.modules["__main__"].main is main if "__main__" in sys.modules else None)
class K:
    pass
print(K.__module__, repr(K))
print(__doc__)
print(__file__.endswith("builtin_main_name.py"))
print("__builtins__" in globals(), isinstance(__builtins__, dict) or type(__builtins__).__name__ == "module")
