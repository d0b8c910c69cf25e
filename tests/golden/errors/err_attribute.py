class Thing:
    pass
t = Thing()
print("looking up")
t.missing_attribute
