print("parsing")
int("x")
