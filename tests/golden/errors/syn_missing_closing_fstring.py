name = "x"
s = f"hello {name"
