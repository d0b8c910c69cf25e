# warnings: issue, filter and record warnings. Filters are tuples
# (action, message_regex, category, module_regex, lineno) checked in
# order; the default action shows a warning once per location. `re` is
# imported only when a filter with a message or module pattern is added,
# to keep `import warnings` cheap.

import sys
import _aiopy

__all__ = ["warn", "warn_explicit", "showwarning", "formatwarning",
           "filterwarnings", "simplefilter", "resetwarnings",
           "catch_warnings"]

_ACTIONS = ("error", "ignore", "always", "default", "module", "once")


class _Exact:
    """A module "pattern" that matches one name exactly (default filters)."""

    def __init__(self, name):
        self.pattern = name

    def match(self, s):
        return s == self.pattern


filters = [
    ('default', None, DeprecationWarning, _Exact('__main__'), 0),
    ('ignore', None, DeprecationWarning, None, 0),
    ('ignore', None, PendingDeprecationWarning, None, 0),
    ('ignore', None, ImportWarning, None, 0),
    ('ignore', None, ResourceWarning, None, 0),
]
defaultaction = "default"
onceregistry = {}
# Per-module registries of shown warnings: {module globals' id: dict}.
# A registry remembers which filter version it was filled under and is
# emptied when the filters change (as CPython's __warningregistry__).
_registries = {}
_filters_version = 1


def _filters_mutated():
    global _filters_version
    _filters_version += 1


def _getline(filename, lineno):
    try:
        with open(filename) as f:
            for i, line in enumerate(f, 1):
                if i == lineno:
                    return line
    except Exception:
        pass
    return ''


def formatwarning(message, category, filename, lineno, line=None):
    s = "%s:%s: %s: %s\n" % (filename, lineno, category.__name__, message)
    if line is None:
        line = _getline(filename, lineno)
    if line:
        line = line.strip()
        if line:
            s += "  %s\n" % line
    return s


def _formatwarnmsg_impl(msg):
    line = msg.line
    if line is None:
        # The VM's copy of the caller's source line (also for code that
        # has no file on disk); None lets formatwarning read the file.
        line = msg._src
    return formatwarning(msg.message, msg.category, msg.filename, msg.lineno,
                         line)


def _showwarnmsg_impl(msg):
    file = msg.file
    if file is None:
        file = sys.stderr
        if file is None:
            return
    text = _formatwarnmsg(msg)
    try:
        file.write(text)
    except OSError:
        pass


def showwarning(message, category, filename, lineno, file=None, line=None):
    msg = WarningMessage(message, category, filename, lineno, file, line)
    _showwarnmsg_impl(msg)


_showwarning_orig = showwarning
_formatwarning_orig = formatwarning


def _formatwarnmsg(msg):
    # A user-replaced formatwarning is honoured.
    if formatwarning is not _formatwarning_orig:
        return formatwarning(msg.message, msg.category, msg.filename,
                             msg.lineno, msg.line if msg.line is not None
                             else msg._src)
    return _formatwarnmsg_impl(msg)


def _showwarnmsg(msg):
    # A user-replaced showwarning is called with the classic arguments.
    if showwarning is not _showwarning_orig:
        if not callable(showwarning):
            raise TypeError("warnings.showwarning() must be set to a "
                            "function or method")
        showwarning(msg.message, msg.category, msg.filename, msg.lineno,
                    msg.file, msg.line)
        return
    _showwarnmsg_impl(msg)


def filterwarnings(action, message="", category=Warning, module="", lineno=0,
                   append=False):
    if action not in _ACTIONS:
        raise AssertionError("invalid action: %r" % (action,))
    if not isinstance(message, str):
        raise AssertionError("message must be a string")
    if not isinstance(category, type) or not issubclass(category, Warning):
        raise AssertionError("category must be a Warning subclass")
    if not isinstance(module, str):
        raise AssertionError("module must be a string")
    if not isinstance(lineno, int) or lineno < 0:
        raise AssertionError("lineno must be an int >= 0")
    if message or module:
        import re
    msg = re.compile(message, re.I) if message else None
    mod = re.compile(module) if module else None
    _add_filter(action, msg, category, mod, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    if action not in _ACTIONS:
        raise AssertionError("invalid action: %r" % (action,))
    if not isinstance(lineno, int) or lineno < 0:
        raise AssertionError("lineno must be an int >= 0")
    _add_filter(action, None, category, None, lineno, append=append)


def _add_filter(*item, append):
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    elif item not in filters:
        filters.append(item)
    _filters_mutated()


def resetwarnings():
    filters[:] = []
    _filters_mutated()


class _OptionError(Exception):
    pass


def _registry_for(globals_):
    key = id(globals_)
    entry = _registries.get(key)
    if entry is None or entry[0] is not globals_:
        entry = (globals_, {})
        _registries[key] = entry
    return entry[1]


def warn(message, category=None, stacklevel=1, source=None):
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '{:s}'"
                        .format(type(category).__name__))
    # frame_info(0) is this function; stacklevel 1 is warn's caller.
    info = _aiopy.frame_info(stacklevel)
    if info is None:
        filename = "sys"
        lineno = 1
        module = "sys"
        registry = _registry_for(sys.__dict__)
        line = None
    else:
        filename, lineno, _, globals_, _ = info
        module = globals_.get('__name__', "<string>")
        registry = _registry_for(globals_)
        line = _aiopy.source_line(stacklevel)
    warn_explicit(message, category, filename, lineno, module, registry,
                  None, source, _line=line)


def warn_explicit(message, category, filename, lineno, module=None,
                  registry=None, module_globals=None, source=None, *,
                  _line=None):
    lineno = int(lineno)
    if module is None:
        module = filename or "<unknown>"
        if module[-3:].lower() == ".py":
            module = module[:-3]
    if registry is None:
        registry = {}
    if registry.get('version', 0) != _filters_version:
        registry.clear()
        registry['version'] = _filters_version
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry.get(key):
        return
    for item in filters:
        action, msg, cat, mod, ln = item
        if ((msg is None or msg.match(text)) and
                issubclass(category, cat) and
                (mod is None or mod.match(module)) and
                (ln == 0 or lineno == ln)):
            break
    else:
        action = defaultaction
    if action == "ignore":
        return
    if action == "error":
        raise message
    if action == "once":
        registry[key] = 1
        oncekey = (text, category)
        if onceregistry.get(oncekey):
            return
        onceregistry[oncekey] = 1
    elif action == "always":
        pass
    elif action == "module":
        registry[key] = 1
        altkey = (text, category, 0)
        if registry.get(altkey):
            return
        registry[altkey] = 1
    elif action == "default":
        registry[key] = 1
    else:
        raise RuntimeError("Unrecognized action (%r) in warnings.filters:\n %s"
                           % (action, item))
    msg = WarningMessage(message, category, filename, lineno, source=source)
    msg._src = _line
    _showwarnmsg(msg)


class WarningMessage(object):
    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file",
                        "line", "source")

    def __init__(self, message, category, filename, lineno, file=None,
                 line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._src = None
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, "
                "line : %r}" % (self.message, self._category_name,
                                self.filename, self.lineno, self.line))


class catch_warnings(object):
    """Save and restore the warnings filters and showwarning(); with
    record=True, collect WarningMessage objects in the returned list."""

    def __init__(self, *, record=False, module=None, action=None,
                 category=Warning, lineno=0, append=False):
        self._record = record
        self._module = sys.modules['warnings'] if module is None else module
        self._entered = False
        if action is None:
            self._filter = None
        else:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        if self._module is not sys.modules['warnings']:
            args.append("module=%r" % self._module)
        name = type(self).__name__
        return "%s(%s)" % (name, ", ".join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        m = self._module
        self._filters = m.filters
        m.filters = self._filters[:]
        m._filters_mutated()
        self._showwarning = m.showwarning
        self._showwarnmsg_impl = m._showwarnmsg_impl
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            m._showwarnmsg_impl = log.append
            # Reset showwarning() to the default so records are collected.
            m.showwarning = m._showwarning_orig
            return log
        return None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        m = self._module
        m.filters = self._filters
        m._filters_mutated()
        m.showwarning = self._showwarning
        m._showwarnmsg_impl = self._showwarnmsg_impl
