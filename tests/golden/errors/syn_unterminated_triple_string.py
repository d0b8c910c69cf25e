print("start")
doc = """this triple-quoted string
keeps going
and never closes
