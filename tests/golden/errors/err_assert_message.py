items = []
assert items, "items must not be empty"
