config = {
    "key": "value",
    "other": [1, 2, 3],

print(config)
