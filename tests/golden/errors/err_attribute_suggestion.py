class Point:
    def __init__(self):
        self.value = 1

print(Point().valeu)
