# except* handles part of a group; what is left propagates as a group.
def work():
    raise ExceptionGroup("jobs", [ValueError("a"), TypeError("b"), ValueError("c"), OSError("d")])

try:
    work()
except* ValueError as eg:
    print("handled", [str(e) for e in eg.exceptions])
except* TypeError as eg:
    print("handled", [str(e) for e in eg.exceptions])
