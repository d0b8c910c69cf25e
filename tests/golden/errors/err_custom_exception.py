class MyError(Exception):
    pass
print("raising MyError")
raise MyError("msg")
