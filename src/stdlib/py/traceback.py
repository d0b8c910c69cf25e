# traceback: extract, format and print stack traces the way the
# interpreter does for an uncaught exception. An exception's own frames
# come from the VM (`_aiopy.extract_tb`); the chain (__cause__ /
# __context__), the repeated-frame summary and SyntaxError's location are
# rendered here with the same texts as the VM's native printer.

import sys
import _aiopy

__all__ = ['extract_stack', 'extract_tb', 'format_exception',
           'format_exception_only', 'format_list', 'format_stack',
           'format_tb', 'print_exc', 'format_exc', 'print_exception',
           'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException',
           'walk_stack', 'walk_tb']

_CAUSE = ('\nThe above exception was the direct cause '
          'of the following exception:\n\n')
_CONTEXT = ('\nDuring handling of the above exception, '
            'another exception occurred:\n\n')
_sentinel = object()
_line_cache = {}


def _getline(filename, lineno):
    """Stripped text of a source line ('' when unavailable)."""
    lines = _line_cache.get(filename)
    if lines is None:
        try:
            with open(filename) as f:
                lines = f.read().splitlines()
        except Exception:
            lines = []
        _line_cache[filename] = lines
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1].strip()
    return ''


class FrameSummary:
    __slots__ = ('filename', 'lineno', 'name', '_line', 'locals')

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self.locals = locals
        if lookup_line:
            self.line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = _getline(self.filename, self.lineno)
        return self._line.strip()

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and
                    self.lineno == other.lineno and
                    self.name == other.name and
                    self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __len__(self):
        return 4

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)


class StackSummary(list):
    @classmethod
    def from_list(cls, a_list):
        result = cls()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        row = ['  File "{}", line {}, in {}\n'.format(
            frame_summary.filename, frame_summary.lineno, frame_summary.name)]
        line = frame_summary.line
        if line:
            row.append('    {}\n'.format(line))
        return ''.join(row)

    def format(self):
        # A run of identical frames shows three times, then a summary.
        result = []
        last = None
        count = 0
        for fs in self:
            key = (fs.filename, fs.lineno, fs.name)
            if key == last:
                count += 1
            else:
                _repeat_summary(result, count)
                last = key
                count = 1
            if count > 3:
                continue
            result.append(self.format_frame_summary(fs))
        _repeat_summary(result, count)
        return result


def _repeat_summary(result, count):
    if count > 3:
        more = count - 3
        result.append('  [Previous line repeated {} more time{}]\n'.format(
            more, '' if more == 1 else 's'))


def _limit(entries, limit):
    if limit is None:
        limit = getattr(sys, 'tracebacklimit', None)
        if limit is not None and limit < 0:
            limit = 0
    if limit is None:
        return entries
    if limit >= 0:
        return entries[:limit]
    return entries[limit:]


def _tb_entries(tb):
    entries = []
    while tb is not None:
        code = tb.tb_frame.f_code
        entries.append((code.co_filename, tb.tb_lineno, code.co_name))
        tb = tb.tb_next
    return entries


def extract_tb(tb, limit=None):
    entries = _limit(_tb_entries(tb), limit)
    return StackSummary.from_list(
        [FrameSummary(f, l, n) for f, l, n in entries])


def _exc_frames(exc, tb=None):
    """An exception's frames, outermost first, with their source lines."""
    if tb is not None and tb is not getattr(exc, '__traceback__', None):
        return extract_tb(tb)
    return StackSummary.from_list(
        [FrameSummary(f, l, n, line=t) for f, l, n, t in
         _aiopy.extract_tb(exc)])


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


def _some_str(value):
    try:
        return str(value)
    except Exception:
        return '<exception str() failed>'


def _type_label(etype):
    mod = getattr(etype, '__module__', None)
    qual = getattr(etype, '__qualname__', etype.__name__)
    if mod not in (None, 'builtins', '__main__'):
        return mod + '.' + qual
    return qual


def format_exception_only(exc, /, value=_sentinel):
    if value is _sentinel:
        value = exc
        etype = None if exc is None else type(exc)
    else:
        etype = exc
    if value is None and etype is None:
        return ['NoneType: None\n']
    if not isinstance(value, BaseException):
        # (type, value) given with a non-exception value.
        label = _type_label(etype)
        text = _some_str(value)
        return ['{}: {}\n'.format(label, text) if text else label + '\n']
    out = []
    if isinstance(value, SyntaxError) and getattr(value, 'msg', None) is not None:
        # Only the message, as CPython: str() would add "(file, line N)".
        out.extend(_syntax_error_lines(value))
        out.append('{}: {}\n'.format(_type_label(type(value)),
                                     value.msg or '<no detail available>'))
    else:
        out.append(_aiopy.exception_line(value) + '\n')
    notes = getattr(value, '__notes__', None)
    if notes:
        for note in notes:
            out.append(_some_str(note) + '\n')
    return out


def _syntax_error_lines(e):
    filename = getattr(e, 'filename', None)
    lineno = getattr(e, 'lineno', None)
    if filename is None or not isinstance(lineno, int):
        return []
    out = ['  File "{}", line {}\n'.format(filename, lineno)]
    text = getattr(e, 'text', None)
    offset = getattr(e, 'offset', None)
    if isinstance(text, str):
        shown = text.lstrip()
        indent = len(text) - len(shown)
        out.append('    {}\n'.format(shown.rstrip('\n\r').rstrip()))
        if isinstance(offset, int):
            col = max(0, offset - 1 - indent)
            out.append('    {}^\n'.format(' ' * col))
    return out


class _Boxes:
    """Where the next lines go while exception groups are drawn: each
    level of group nesting indents by two columns and adds a margin."""

    def __init__(self):
        self.depth = 0
        self.need_close = False

    def indent(self):
        return ' ' * (2 * self.depth)

    def emit(self, out, chunks, margin='|'):
        prefix = self.indent() + (margin + ' ' if self.depth else '')
        for chunk in chunks:
            out.append(''.join(prefix + line
                               for line in chunk.splitlines(True)))


_MAX_GROUP_WIDTH = 15
_MAX_GROUP_DEPTH = 10


def _frames_for(exc, tb, limit):
    frames = _exc_frames(exc, tb)
    if limit is not None or getattr(sys, 'tracebacklimit', None) is not None:
        frames = StackSummary(_limit(list(frames), limit))
    return frames


def _format_one(exc, tb, limit, out, boxes):
    frames = _frames_for(exc, tb, limit)
    lines = []
    if frames:
        lines.append('Traceback (most recent call last):\n')
        lines.extend(frames.format())
    lines.extend(format_exception_only(exc))
    boxes.emit(out, lines)


def _format_group(exc, tb, limit, chain, out, seen, boxes):
    """An exception group: its frames and line, then each member in a
    box (at most 15 shown, at most 10 groups deep)."""
    if boxes.depth > _MAX_GROUP_DEPTH:
        boxes.emit(out, ['... (max_group_depth is %d)\n' % _MAX_GROUP_DEPTH])
        return
    toplevel = boxes.depth == 0
    if toplevel:
        boxes.depth += 1
    frames = _frames_for(exc, tb, limit)
    if frames:
        boxes.emit(out, ['Exception Group Traceback (most recent call last):\n'],
                   '+' if toplevel else '|')
        boxes.emit(out, frames.format())
    boxes.emit(out, format_exception_only(exc))
    members = exc.exceptions
    shown = min(len(members), _MAX_GROUP_WIDTH + 1)
    boxes.need_close = False
    for i in range(shown):
        last = i == shown - 1
        if last:
            # a nested group drawn last closes the box itself
            boxes.need_close = True
        truncated = i >= _MAX_GROUP_WIDTH
        title = '...' if truncated else str(i + 1)
        out.append('%s%s+---------------- %s ----------------\n'
                   % (boxes.indent(), '+-' if i == 0 else '  ', title))
        boxes.depth += 1
        if truncated:
            more = len(members) - _MAX_GROUP_WIDTH
            boxes.emit(out, ['and %d more exception%s\n'
                             % (more, 's' if more > 1 else '')])
        else:
            m = members[i]
            _format_chain(m, m.__traceback__, limit, chain, out, seen, boxes)
        if last and boxes.need_close:
            out.append(boxes.indent() + '+------------------------------------\n')
            boxes.need_close = False
        boxes.depth -= 1
    if toplevel:
        boxes.depth = 0


def _format_chain(exc, tb, limit, chain, out, seen, boxes):
    seen.add(id(exc))
    if chain:
        cause = exc.__cause__
        context = exc.__context__
        if cause is not None and id(cause) not in seen:
            _format_chain(cause, cause.__traceback__, limit, chain, out, seen,
                          boxes)
            boxes.emit(out, [_CAUSE])
        elif (context is not None and not exc.__suppress_context__ and
              id(context) not in seen):
            _format_chain(context, context.__traceback__, limit, chain, out,
                          seen, boxes)
            boxes.emit(out, [_CONTEXT])
    if isinstance(exc, BaseExceptionGroup):
        _format_group(exc, tb, limit, chain, out, seen, boxes)
    else:
        _format_one(exc, tb, limit, out, boxes)


def _parse_args(exc, value, tb):
    """Accept format_exception(exc) and (type, value, tb) calls."""
    if value is _sentinel and tb is _sentinel:
        return exc, getattr(exc, '__traceback__', None)
    if value is _sentinel or tb is _sentinel:
        raise ValueError("Both or neither of value and tb must be given")
    return value, tb


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                     chain=True):
    value, tb = _parse_args(exc, value, tb)
    if value is None:
        return ['NoneType: None\n']
    if not isinstance(value, BaseException):
        return format_exception_only(exc, value)
    out = []
    _format_chain(value, tb, limit, chain, out, set(), _Boxes())
    return out


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                    file=None, chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def format_exc(limit=None, chain=True):
    return "".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    print_exception(sys.last_type, sys.last_value, sys.last_traceback,
                    limit, file, chain)


def _stack_entries(depth):
    """(filename, lineno, name, line) of the frames from `depth` levels
    above _stack_entries' caller outward, innermost first."""
    out = []
    d = depth + 1
    while True:
        info = _aiopy.frame_info(d)
        if info is None:
            break
        out.append((info[0], info[1], info[2], _aiopy.source_line(d)))
        d += 1
    return out


def extract_stack(f=None, limit=None):
    # Frames from the caller of extract_stack outward; `f` is not
    # supported beyond None (aiopy frames have no f_back walk here).
    entries = _stack_entries(1)
    if limit is not None:
        entries = entries[:limit] if limit >= 0 else entries[limit:]
    entries.reverse()
    return StackSummary.from_list(entries)


def format_stack(f=None, limit=None):
    entries = _stack_entries(1)
    if limit is not None:
        entries = entries[:limit]
    entries.reverse()
    return StackSummary.from_list(entries).format()


def print_stack(f=None, limit=None, file=None):
    entries = _stack_entries(1)
    if limit is not None:
        entries = entries[:limit]
    entries.reverse()
    print_list(entries, file=file)


def walk_tb(tb):
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def walk_stack(f):
    while f is not None:
        yield f, f.f_lineno
        f = getattr(f, 'f_back', None)


def clear_frames(tb):
    pass


class TracebackException:
    """A snapshot of an exception for later formatting (basic subset)."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, _seen=None):
        self._exc = exc_value
        self._tb = exc_traceback
        self._limit = limit
        self.exc_type = exc_type
        self.stack = _exc_frames(exc_value, exc_traceback)
        self.__cause__ = None
        self.__context__ = None
        self.__suppress_context__ = getattr(exc_value,
                                            '__suppress_context__', False)

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def __str__(self):
        return _some_str(self._exc)

    def format_exception_only(self):
        yield from format_exception_only(self._exc)

    def format(self, *, chain=True):
        yield from format_exception(type(self._exc), self._exc, self._tb,
                                    limit=self._limit, chain=chain)
