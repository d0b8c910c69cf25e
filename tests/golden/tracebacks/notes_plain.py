# Notes on a plain exception, after its last line; a chained cause keeps
# its own notes.
class Problem(Exception):
    pass

try:
    try:
        int("abc")
    except ValueError as e:
        e.add_note("while parsing the config")
        raise
except ValueError as cause:
    p = Problem("bad config")
    p.add_note("line 3 of settings.ini")
    p.add_note("multi\nline note")
    raise p from cause
