print("this never prints because the file does not compile")
def broken(:
    pass
