import sys
x = 2.0 ** 5000
