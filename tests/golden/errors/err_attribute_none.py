value = None
value.upper()
