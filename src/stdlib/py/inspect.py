# inspect: the predicates (isfunction, iscoroutinefunction, isawaitable,
# ...), generator/coroutine states, getmembers/getdoc/cleandoc, source
# lookup for functions defined in files, and signature() with Signature,
# Parameter and BoundArguments.

import sys
import _aiopy

__all__ = [
    'BoundArguments', 'CORO_CLOSED', 'CORO_CREATED', 'CORO_RUNNING',
    'CORO_SUSPENDED', 'GEN_CLOSED', 'GEN_CREATED', 'GEN_RUNNING',
    'GEN_SUSPENDED', 'Parameter', 'Signature', 'cleandoc', 'getattr_static',
    'getcoroutinestate', 'getdoc', 'getfile', 'getgeneratorstate',
    'getmembers', 'getmodule', 'getmro', 'getsource', 'getsourcefile',
    'getsourcelines', 'isabstract', 'isasyncgen', 'isasyncgenfunction',
    'isawaitable', 'isbuiltin', 'isclass', 'iscode', 'iscoroutine',
    'iscoroutinefunction', 'isdatadescriptor', 'isframe', 'isfunction',
    'isgenerator', 'isgeneratorfunction', 'isgetsetdescriptor',
    'ismemberdescriptor', 'ismethod', 'ismethoddescriptor', 'ismodule',
    'isroutine', 'istraceback', 'signature', 'unwrap',
]

CO_OPTIMIZED = 1
CO_NEWLOCALS = 2
CO_VARARGS = 4
CO_VARKEYWORDS = 8
CO_NESTED = 16
CO_GENERATOR = 32
CO_NOFREE = 64
CO_COROUTINE = 128
CO_ITERABLE_COROUTINE = 256
CO_ASYNC_GENERATOR = 512

_FunctionType = type(lambda: None)
_MethodType = type(type('_C', (), {'m': lambda self: None})().m)
_BuiltinType = type(len)
_ModuleType = type(sys)
_CodeType = type((lambda: None).__code__)


async def _coro():
    pass


def _gen():
    yield


async def _agen():
    yield


_c = _coro()
_CoroutineType = type(_c)
_c.close()
_GeneratorType = type(_gen())
_AsyncGeneratorType = type(_agen())
del _c


# ---------------------------------------------------------------- predicates

def ismodule(object):
    return isinstance(object, _ModuleType)


def isclass(object):
    return isinstance(object, type)


def ismethod(object):
    return isinstance(object, _MethodType)


def isfunction(object):
    return isinstance(object, _FunctionType)


def isbuiltin(object):
    return isinstance(object, _BuiltinType)


def iscode(object):
    return isinstance(object, _CodeType)


def isframe(object):
    return type(object).__name__ == 'frame'


def istraceback(object):
    return type(object).__name__ == 'traceback'


def ismethoddescriptor(object):
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, '__get__') and not hasattr(tp, '__set__')


def isdatadescriptor(object):
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, '__set__') or hasattr(tp, '__delete__')


def ismemberdescriptor(object):
    return type(object).__name__ == 'member_descriptor'


def isgetsetdescriptor(object):
    return type(object).__name__ == 'getset_descriptor'


def isroutine(object):
    return (isbuiltin(object) or isfunction(object) or ismethod(object)
            or ismethoddescriptor(object))


def isabstract(object):
    return bool(isinstance(object, type) and getattr(object, '__abstractmethods__', False))


def _has_code_flag(f, flag):
    while ismethod(f):
        f = f.__func__
    f = _unwrap_partial(f)
    if not (isfunction(f) or _signature_is_functionlike(f)):
        return False
    return bool(f.__code__.co_flags & flag)


def _unwrap_partial(func):
    while True:
        inner = getattr(func, 'func', None)
        if inner is None or type(func).__name__ != 'partial':
            return func
        func = inner


def _signature_is_functionlike(obj):
    code = getattr(obj, '__code__', None)
    return isinstance(code, _CodeType) and callable(obj)


def isgeneratorfunction(obj):
    return _has_code_flag(obj, CO_GENERATOR)


def iscoroutinefunction(obj):
    return _has_code_flag(obj, CO_COROUTINE)


def isasyncgenfunction(obj):
    return _has_code_flag(obj, CO_ASYNC_GENERATOR)


def isgenerator(object):
    return isinstance(object, _GeneratorType)


def iscoroutine(object):
    return isinstance(object, _CoroutineType)


def isasyncgen(object):
    return isinstance(object, _AsyncGeneratorType)


def isawaitable(object):
    if isinstance(object, _CoroutineType):
        return True
    if isinstance(object, _GeneratorType):
        return bool(object.gi_code.co_flags & CO_ITERABLE_COROUTINE)
    for klass in type(object).__mro__:
        if '__await__' in klass.__dict__:
            return klass.__dict__['__await__'] is not None
    return False


# ---------------------------------------------------------------- states

GEN_CREATED = 'GEN_CREATED'
GEN_RUNNING = 'GEN_RUNNING'
GEN_SUSPENDED = 'GEN_SUSPENDED'
GEN_CLOSED = 'GEN_CLOSED'
CORO_CREATED = 'CORO_CREATED'
CORO_RUNNING = 'CORO_RUNNING'
CORO_SUSPENDED = 'CORO_SUSPENDED'
CORO_CLOSED = 'CORO_CLOSED'


def getgeneratorstate(generator):
    state = _aiopy.gen_state(generator)
    if state is None:
        raise AttributeError(f"'{type(generator).__name__}' object has no attribute 'gi_running'")
    return 'GEN_' + state


def getcoroutinestate(coroutine):
    state = _aiopy.gen_state(coroutine)
    if state is None:
        raise AttributeError(f"'{type(coroutine).__name__}' object has no attribute 'cr_running'")
    return 'CORO_' + state


def getgeneratorlocals(generator):
    if not isgenerator(generator):
        raise TypeError(f"{generator!r} is not a Python generator")
    return {}


# ---------------------------------------------------------------- members, docs

def getmro(cls):
    return cls.__mro__


def getmembers(object, predicate=None):
    results = []
    names = dir(object)
    if isclass(object):
        seen = set(names)
        for base in object.__mro__:
            for k in base.__dict__:
                if k not in seen:
                    seen.add(k)
                    names.append(k)
    for key in names:
        try:
            value = getattr(object, key)
        except AttributeError:
            continue
        if predicate is None or predicate(value):
            results.append((key, value))
    results.sort(key=lambda pair: pair[0])
    return results


def getattr_static(obj, attr, default=None):
    sentinel = object()
    if not isinstance(obj, type):
        d = getattr(obj, '__dict__', None)
        if isinstance(d, dict) and attr in d:
            return d[attr]
        klass = type(obj)
    else:
        klass = obj
    for entry in klass.__mro__:
        if attr in entry.__dict__:
            return entry.__dict__[attr]
    if default is not None:
        return default
    raise AttributeError(attr)


def cleandoc(doc):
    lines = doc.expandtabs().split('\n')
    margin = None
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            margin = indent if margin is None else min(margin, indent)
    if lines:
        lines[0] = lines[0].lstrip()
    if margin is not None:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return '\n'.join(lines)


def getdoc(object):
    try:
        doc = object.__doc__
    except AttributeError:
        return None
    if doc is None and isclass(object):
        for base in object.__mro__[1:]:
            if base is object:
                break
            doc = base.__doc__
            if doc is not None:
                break
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


def getmodule(object, _filename=None):
    if ismodule(object):
        return object
    name = getattr(object, '__module__', None)
    if name is not None:
        return sys.modules.get(name)
    return None


def unwrap(func, *, stop=None):
    f = func
    seen = {id(f)}
    while hasattr(f, '__wrapped__') and not (stop is not None and stop(f)):
        f = f.__wrapped__
        if id(f) in seen:
            raise ValueError(f'wrapper loop when unwrapping {func!r}')
        seen.add(id(f))
    return f


# ---------------------------------------------------------------- source

def getfile(object):
    if ismodule(object):
        f = getattr(object, '__file__', None)
        if f:
            return f
        raise TypeError(f'{object!r} is a built-in module')
    if isclass(object):
        mod = sys.modules.get(object.__module__)
        f = getattr(mod, '__file__', None)
        if f:
            return f
        raise TypeError(f'{object!r} is a built-in class')
    if ismethod(object):
        object = object.__func__
    if isfunction(object):
        object = object.__code__
    if iscode(object):
        return object.co_filename
    raise TypeError(f'module, class, method, function, traceback, frame, or '
                    f'code object was expected, got {type(object).__name__}')


def getsourcefile(object):
    f = getfile(object)
    return f if f.endswith('.py') else None


def _read_lines(object):
    fname = getsourcefile(object)
    if fname is None:
        raise OSError('could not get source code')
    try:
        with open(fname) as fh:
            return fh.read().splitlines(True)
    except OSError:
        raise OSError('could not get source code') from None


def getsourcelines(object):
    object = unwrap(object)
    lines = _read_lines(object)
    if ismodule(object):
        return lines, 0
    if ismethod(object):
        object = object.__func__
    if isclass(object):
        import re
        pat = re.compile(r'^(\s*)class\s+' + object.__name__ + r'\b')
        for i, line in enumerate(lines):
            if pat.match(line):
                start = i
                break
        else:
            raise OSError('could not find class definition')
    else:
        code = object.__code__ if isfunction(object) else object
        start = code.co_firstlineno - 1
        # The block starts at the first decorator (where CPython's
        # co_firstlineno points).
        indent = len(lines[start]) - len(lines[start].lstrip())
        while start > 0 and lines[start - 1].lstrip().startswith('@') and \
                len(lines[start - 1]) - len(lines[start - 1].lstrip()) == indent:
            start -= 1
    return _block(lines, start), start + 1


def _block(lines, start):
    # The header (with decorators and continuation lines) and every
    # following line indented deeper than it, blank lines included.
    first = lines[start]
    indent = len(first) - len(first.lstrip())
    i = start
    depth = 0
    while i < len(lines):
        text = lines[i]
        depth += text.count('(') + text.count('[') + text.count('{')
        depth -= text.count(')') + text.count(']') + text.count('}')
        i += 1
        if depth <= 0 and text.rstrip().endswith(':') or (depth <= 0 and not text.lstrip().startswith('@')
                                                          and ':' in text and not text.rstrip().endswith(':')
                                                          and text.lstrip().startswith(('def ', 'async def ', 'class ', 'lambda'))):
            break
    body_end = i
    while i < len(lines):
        text = lines[i]
        if text.strip() == '':
            i += 1
            continue
        if len(text) - len(text.lstrip()) <= indent:
            break
        i += 1
        body_end = i
    return lines[start:body_end]


def getsource(object):
    lines, _ = getsourcelines(object)
    return ''.join(lines)


# ---------------------------------------------------------------- signature

class _empty:
    """Marker object for Signature.empty and Parameter.empty."""


class _void:
    """A private marker - used in Parameter & Signature."""


class _ParameterKind(int):
    def __new__(cls, value, name, description):
        self = int.__new__(cls, value)
        self._name_ = name
        self.description = description
        return self

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return int(self)

    def __str__(self):
        return self._name_

    def __repr__(self):
        return f'<_ParameterKind.{self._name_}: {int(self)}>'


_POSITIONAL_ONLY = _ParameterKind(0, 'POSITIONAL_ONLY', 'positional-only')
_POSITIONAL_OR_KEYWORD = _ParameterKind(1, 'POSITIONAL_OR_KEYWORD', 'positional or keyword')
_VAR_POSITIONAL = _ParameterKind(2, 'VAR_POSITIONAL', 'variadic positional')
_KEYWORD_ONLY = _ParameterKind(3, 'KEYWORD_ONLY', 'keyword-only')
_VAR_KEYWORD = _ParameterKind(4, 'VAR_KEYWORD', 'variadic keyword')
_KINDS = (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD, _VAR_POSITIONAL, _KEYWORD_ONLY, _VAR_KEYWORD)


def formatannotation(annotation, base_module=None):
    if getattr(annotation, '__module__', None) == 'typing':
        return repr(annotation).replace('typing.', '')
    if type(annotation).__name__ == 'GenericAlias':
        return str(annotation)
    if isinstance(annotation, type):
        if annotation.__module__ in ('builtins', base_module):
            return annotation.__qualname__
        return annotation.__module__ + '.' + annotation.__qualname__
    return repr(annotation)


class Parameter:
    __slots__ = ('_name', '_kind', '_default', '_annotation')

    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD
    empty = _empty

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        if kind not in _KINDS:
            raise ValueError(f'value {kind!r} is not a valid Parameter.kind')
        kind = _KINDS[kind]
        if default is not _empty and kind in (_VAR_POSITIONAL, _VAR_KEYWORD):
            raise ValueError(f'{kind.description} parameters cannot have default values')
        if not isinstance(name, str):
            raise TypeError(f'name must be a str, not a {type(name).__name__}')
        if not name.isidentifier():
            raise ValueError(f'{name!r} is not a valid parameter name')
        self._name = name
        self._kind = kind
        self._default = default
        self._annotation = annotation

    name = property(lambda self: self._name)
    kind = property(lambda self: self._kind)
    default = property(lambda self: self._default)
    annotation = property(lambda self: self._annotation)

    def replace(self, *, name=_void, kind=_void, annotation=_void, default=_void):
        return type(self)(self._name if name is _void else name,
                          self._kind if kind is _void else kind,
                          default=self._default if default is _void else default,
                          annotation=self._annotation if annotation is _void else annotation)

    def __str__(self):
        kind = self._kind
        text = self._name
        if self._annotation is not _empty:
            text = f'{text}: {formatannotation(self._annotation)}'
        if self._default is not _empty:
            if self._annotation is not _empty:
                text = f'{text} = {self._default!r}'
            else:
                text = f'{text}={self._default!r}'
        if kind == _VAR_POSITIONAL:
            text = '*' + text
        elif kind == _VAR_KEYWORD:
            text = '**' + text
        return text

    def __repr__(self):
        return f'<{type(self).__name__} "{self}">'

    def __hash__(self):
        return hash((self._name, self._kind, self._annotation, self._default))

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self._name == other._name and self._kind == other._kind and
                self._default == other._default and self._annotation == other._annotation)


class BoundArguments:
    __slots__ = ('arguments', '_signature')

    def __init__(self, signature, arguments):
        self.arguments = arguments
        self._signature = signature

    @property
    def signature(self):
        return self._signature

    @property
    def args(self):
        args = []
        for name, param in self._signature.parameters.items():
            if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                break
            try:
                arg = self.arguments[name]
            except KeyError:
                break
            if param.kind == _VAR_POSITIONAL:
                args.extend(arg)
            else:
                args.append(arg)
        return tuple(args)

    @property
    def kwargs(self):
        kwargs = {}
        kwargs_started = False
        for name, param in self._signature.parameters.items():
            if not kwargs_started:
                if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                    kwargs_started = True
                elif name not in self.arguments:
                    kwargs_started = True
                    continue
            if not kwargs_started:
                continue
            try:
                arg = self.arguments[name]
            except KeyError:
                pass
            else:
                if param.kind == _VAR_KEYWORD:
                    kwargs.update(arg)
                else:
                    kwargs[name] = arg
        return kwargs

    def apply_defaults(self):
        arguments = self.arguments
        new_arguments = []
        for name, param in self._signature.parameters.items():
            try:
                new_arguments.append((name, arguments[name]))
            except KeyError:
                if param.default is not _empty:
                    val = param.default
                elif param.kind is _VAR_POSITIONAL:
                    val = ()
                elif param.kind is _VAR_KEYWORD:
                    val = {}
                else:
                    continue
                new_arguments.append((name, val))
        self.arguments = dict(new_arguments)

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, BoundArguments):
            return NotImplemented
        return self.signature == other.signature and self.arguments == other.arguments

    def __repr__(self):
        args = ', '.join(f'{k}={v!r}' for k, v in self.arguments.items())
        return f'<{type(self).__name__} ({args})>'


class Signature:
    __slots__ = ('_return_annotation', '_parameters')

    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty, __validate_parameters__=True):
        params = {}
        if parameters is not None:
            if __validate_parameters__:
                top_kind = _POSITIONAL_ONLY
                seen_default = False
                for param in parameters:
                    kind = param.kind
                    name = param.name
                    if kind < top_kind:
                        raise ValueError(f'wrong parameter order: {top_kind.description} '
                                         f'parameter before {kind.description} parameter')
                    elif kind > top_kind:
                        top_kind = kind
                    if kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
                        if param.default is _empty:
                            if seen_default:
                                raise ValueError('non-default argument follows default argument')
                        else:
                            seen_default = True
                    if name in params:
                        raise ValueError(f'duplicate parameter name: {name!r}')
                    params[name] = param
            else:
                params = {param.name: param for param in parameters}
        self._parameters = _MappingProxy(params)
        self._return_annotation = return_annotation

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
        return _signature_from_callable(obj, follow_wrapped, cls)

    @property
    def parameters(self):
        return self._parameters

    @property
    def return_annotation(self):
        return self._return_annotation

    def replace(self, *, parameters=_void, return_annotation=_void):
        if parameters is _void:
            parameters = self.parameters.values()
        if return_annotation is _void:
            return_annotation = self._return_annotation
        return type(self)(parameters, return_annotation=return_annotation)

    def __hash__(self):
        params = tuple(p for p in self.parameters.values() if p.kind != _KEYWORD_ONLY)
        kwo = frozenset(p for p in self.parameters.values() if p.kind == _KEYWORD_ONLY)
        return hash((params, kwo, self.return_annotation))

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Signature):
            return NotImplemented
        return (self.return_annotation == other.return_annotation and
                list(self.parameters.values()) == list(other.parameters.values()))

    def _bind(self, args, kwargs, *, partial=False):
        arguments = {}
        parameters = iter(self.parameters.values())
        parameters_ex = ()
        arg_vals = iter(args)
        while True:
            try:
                arg_val = next(arg_vals)
            except StopIteration:
                try:
                    param = next(parameters)
                except StopIteration:
                    break
                else:
                    if param.kind == _VAR_POSITIONAL:
                        break
                    elif param.name in kwargs:
                        if param.kind == _POSITIONAL_ONLY:
                            msg = f'{param.name!r} parameter is positional only, but was passed as a keyword'
                            raise TypeError(msg) from None
                        parameters_ex = (param,)
                        break
                    elif (param.kind == _VAR_KEYWORD or param.default is not _empty):
                        parameters_ex = (param,)
                        break
                    else:
                        if partial:
                            parameters_ex = (param,)
                            break
                        else:
                            raise TypeError(f'missing a required argument: {param.name!r}') from None
            else:
                try:
                    param = next(parameters)
                except StopIteration:
                    raise TypeError('too many positional arguments') from None
                else:
                    if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                        raise TypeError('too many positional arguments') from None
                    if param.kind == _VAR_POSITIONAL:
                        values = [arg_val]
                        values.extend(arg_vals)
                        arguments[param.name] = tuple(values)
                        break
                    if param.name in kwargs and param.kind != _POSITIONAL_ONLY:
                        raise TypeError(f'multiple values for argument {param.name!r}') from None
                    arguments[param.name] = arg_val
        kwargs_param = None
        for param in parameters_ex + tuple(parameters):
            if param.kind == _VAR_KEYWORD:
                kwargs_param = param
                continue
            if param.kind == _VAR_POSITIONAL:
                continue
            param_name = param.name
            try:
                arg_val = kwargs.pop(param_name)
            except KeyError:
                if (not partial and param.kind != _VAR_POSITIONAL and param.default is _empty):
                    raise TypeError(f'missing a required argument: {param_name!r}') from None
            else:
                if param.kind == _POSITIONAL_ONLY:
                    raise TypeError(f'{param.name!r} parameter is positional only, but was passed as a keyword')
                arguments[param_name] = arg_val
        if kwargs:
            if kwargs_param is not None:
                arguments[kwargs_param.name] = kwargs
            else:
                raise TypeError(f'got an unexpected keyword argument {next(iter(kwargs))!r}')
        return BoundArguments(self, arguments)

    def bind(self, /, *args, **kwargs):
        return self._bind(args, kwargs)

    def bind_partial(self, /, *args, **kwargs):
        return self._bind(args, kwargs, partial=True)

    def __repr__(self):
        return f'<{type(self).__name__} {self}>'

    def __str__(self):
        result = []
        render_pos_only_separator = False
        render_kw_only_separator = True
        for param in self.parameters.values():
            formatted = str(param)
            kind = param.kind
            if kind == _POSITIONAL_ONLY:
                render_pos_only_separator = True
            elif render_pos_only_separator:
                result.append('/')
                render_pos_only_separator = False
            if kind == _VAR_POSITIONAL:
                render_kw_only_separator = False
            elif kind == _KEYWORD_ONLY and render_kw_only_separator:
                result.append('*')
                render_kw_only_separator = False
            result.append(formatted)
        if render_pos_only_separator:
            result.append('/')
        rendered = '({})'.format(', '.join(result))
        if self.return_annotation is not _empty:
            rendered += f' -> {formatannotation(self.return_annotation)}'
        return rendered


class _MappingProxy:
    # A read-only ordered view of the parameters, printed like CPython's
    # mappingproxy(OrderedDict([...])).
    __slots__ = ('_d',)

    def __init__(self, d):
        self._d = d

    def __getitem__(self, k):
        return self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)

    def __contains__(self, k):
        return k in self._d

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def get(self, k, default=None):
        return self._d.get(k, default)

    def __eq__(self, other):
        if isinstance(other, _MappingProxy):
            other = other._d
        return self._d == other

    def __repr__(self):
        items = ', '.join(f'({k!r}, {v!r})' for k, v in self._d.items())
        return f'mappingproxy(OrderedDict([{items}]))'


def _signature_from_function(cls, func, skip_bound_arg=False):
    code = func.__code__
    pos_count = code.co_argcount
    arg_names = code.co_varnames
    posonly_count = code.co_posonlyargcount
    keyword_only_count = code.co_kwonlyargcount
    positional = arg_names[:pos_count]
    keyword_only = arg_names[pos_count:pos_count + keyword_only_count]
    annotations = getattr(func, '__annotations__', None) or {}
    defaults = func.__defaults__ or ()
    kwdefaults = func.__kwdefaults__ or {}
    pos_default_count = len(defaults)
    non_default_count = pos_count - pos_default_count
    posonly_left = posonly_count
    parameters = []
    for i, name in enumerate(positional):
        kind = _POSITIONAL_ONLY if posonly_left else _POSITIONAL_OR_KEYWORD
        if posonly_left:
            posonly_left -= 1
        default = defaults[i - non_default_count] if i >= non_default_count else _empty
        parameters.append(Parameter(name, kind, default=default, annotation=annotations.get(name, _empty)))
    if code.co_flags & CO_VARARGS:
        name = arg_names[pos_count + keyword_only_count]
        parameters.append(Parameter(name, _VAR_POSITIONAL, annotation=annotations.get(name, _empty)))
    for name in keyword_only:
        parameters.append(Parameter(name, _KEYWORD_ONLY, default=kwdefaults.get(name, _empty),
                                    annotation=annotations.get(name, _empty)))
    if code.co_flags & CO_VARKEYWORDS:
        index = pos_count + keyword_only_count
        if code.co_flags & CO_VARARGS:
            index += 1
        name = arg_names[index]
        parameters.append(Parameter(name, _VAR_KEYWORD, annotation=annotations.get(name, _empty)))
    if skip_bound_arg and parameters:
        parameters = parameters[1:]
    return cls(parameters, return_annotation=annotations.get('return', _empty),
               __validate_parameters__=False)


def _signature_from_callable(obj, follow_wrapped, cls, skip_bound_arg=True):
    if not callable(obj):
        raise TypeError(f'{obj!r} is not a callable object')
    if ismethod(obj):
        sig = _signature_from_callable(obj.__func__, follow_wrapped, cls)
        params = tuple(sig.parameters.values())
        if not params or params[0].kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
            raise ValueError(f'invalid method signature')
        if params[0].kind == _VAR_POSITIONAL:
            return sig
        return sig.replace(parameters=params[1:])
    if follow_wrapped:
        obj = unwrap(obj, stop=lambda f: hasattr(f, '__signature__'))
        if ismethod(obj):
            return _signature_from_callable(obj, follow_wrapped, cls)
    sig = getattr(obj, '__signature__', None)
    if sig is not None:
        if not isinstance(sig, Signature):
            raise TypeError(f'unexpected object {sig!r} in __signature__ attribute')
        return sig
    if isfunction(obj) or _signature_is_functionlike(obj):
        return _signature_from_function(cls, obj)
    if type(obj).__name__ == 'partial' and hasattr(obj, 'func'):
        return _signature_from_partial(obj, follow_wrapped, cls)
    if isinstance(obj, type):
        for name in ('__call__',):
            meta_call = _lookup_user(type(obj), name)
            if meta_call is not None:
                return _bound_sig(meta_call, follow_wrapped, cls)
        new = _lookup_user(obj, '__new__')
        init = _lookup_user(obj, '__init__')
        for klass in obj.__mro__:
            if new is not None and '__new__' in klass.__dict__ and klass.__dict__['__new__'] is new:
                return _bound_sig(new, follow_wrapped, cls)
            if init is not None and '__init__' in klass.__dict__ and klass.__dict__['__init__'] is init:
                return _bound_sig(init, follow_wrapped, cls)
        if obj.__init__ is object.__init__ and obj.__new__ is object.__new__:
            return cls([])
        raise ValueError(f'no signature found for builtin type {obj!r}')
    if not isbuiltin(obj) and not isinstance(obj, type):
        call = _lookup_user(type(obj), '__call__')
        if call is not None:
            return _bound_sig(call, follow_wrapped, cls)
    raise ValueError(f'no signature found for builtin {obj!r}')


def _lookup_user(klass, name):
    # A Python-level function `name` defined by a class of `klass`'s MRO.
    for k in klass.__mro__:
        if name in k.__dict__:
            f = k.__dict__[name]
            if isinstance(f, (staticmethod, classmethod)):
                f = f.__func__
            if isfunction(f):
                return f
            return None
    return None


def _bound_sig(func, follow_wrapped, cls):
    sig = _signature_from_callable(func, follow_wrapped, cls)
    params = tuple(sig.parameters.values())
    if params and params[0].kind != _VAR_POSITIONAL:
        return sig.replace(parameters=params[1:])
    return sig


def _signature_from_partial(partial, follow_wrapped, cls):
    sig = _signature_from_callable(partial.func, follow_wrapped, cls)
    args = partial.args or ()
    keywords = partial.keywords or {}
    try:
        ba = sig.bind_partial(*args, **keywords)
    except TypeError as ex:
        raise ValueError(f'partial object {partial!r} has incorrect arguments') from ex
    bound = ba.arguments
    out = dict(sig.parameters.items())
    to_kwonly = False
    tail = []
    for name, param in sig.parameters.items():
        if name in bound:
            if param.kind == _POSITIONAL_ONLY:
                del out[name]
                continue
            if param.kind == _POSITIONAL_OR_KEYWORD:
                if name in keywords:
                    to_kwonly = True
                    out[name] = param.replace(default=bound[name])
                else:
                    del out[name]
                    continue
            if param.kind == _KEYWORD_ONLY:
                out[name] = param.replace(default=bound[name])
        if to_kwonly:
            if param.kind == _POSITIONAL_OR_KEYWORD:
                tail.append(out.pop(name).replace(kind=_KEYWORD_ONLY))
            elif param.kind in (_KEYWORD_ONLY, _VAR_KEYWORD):
                tail.append(out.pop(name))
            elif param.kind == _VAR_POSITIONAL:
                out.pop(name)
    return sig.replace(parameters=list(out.values()) + tail)


def signature(obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
    return Signature.from_callable(obj, follow_wrapped=follow_wrapped)


def currentframe():
    return None


def stack(context=1):
    return []
