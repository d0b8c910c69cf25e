import sys
print("about to exit")
sys.exit("fatal: configuration missing")
