# This file has only comments and blank lines.

# It exits 0 with no output.
