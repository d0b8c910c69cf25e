import sys
sys.no_such_attribute
