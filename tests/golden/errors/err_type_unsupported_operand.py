print("adding")
1 + "a"
