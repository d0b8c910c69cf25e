# contextlib: contextmanager semantics (exceptions thrown in, suppression,
# "didn't yield"/"didn't stop"), suppress, nullcontext, closing,
# ExitStack, redirect_stdout, ContextDecorator use.
import contextlib
from contextlib import contextmanager, suppress, nullcontext, closing, ExitStack


@contextmanager
def tag(name):
    print(f'<{name}>')
    try:
        yield name.upper()
    finally:
        print(f'</{name}>')


with tag('a') as t:
    print('inside', t)

try:
    with tag('b'):
        raise ValueError('boom')
except ValueError as e:
    print('caught', e)


@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print('swallowed', repr(e))


with swallow():
    raise KeyError('k')
print('after swallow')


@contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print('RuntimeError:', e)


@contextmanager
def two_yields():
    yield 1
    yield 2


try:
    with two_yields():
        pass
except RuntimeError as e:
    print('RuntimeError:', e)


@contextmanager
def reraise_other():
    try:
        yield
    except ZeroDivisionError:
        raise ValueError('converted')


try:
    with reraise_other():
        1 / 0
except ValueError as e:
    print('ValueError:', e, type(e.__context__).__name__)


@contextmanager
def ignore_throw():
    try:
        yield
    except Exception:
        pass
    yield


try:
    with ignore_throw():
        raise TypeError('x')
except RuntimeError as e:
    print('RuntimeError:', e)


@contextmanager
def stopper():
    yield


try:
    with stopper():
        raise StopIteration('si')
except StopIteration as e:
    print('StopIteration propagated', e)


@tag('deco')
def decorated(x):
    print('decorated body', x)
    return x * 2


print(decorated(21))
print(decorated.__name__)

with suppress(FileNotFoundError, KeyError):
    {}['missing']
print('suppressed')
try:
    with suppress(KeyError):
        [][1]
except IndexError:
    print('IndexError not suppressed')

with nullcontext(5) as v:
    print('nullcontext', v)
with nullcontext() as v:
    print('nullcontext', v)


class Resource:
    def __init__(self, name):
        self.name = name

    def close(self):
        print('close', self.name)


with closing(Resource('r1')) as r:
    print('using', r.name)


class CM:
    def __init__(self, n):
        self.n = n

    def __enter__(self):
        print('enter', self.n)
        return self.n

    def __exit__(self, *exc):
        print('exit', self.n, exc[0].__name__ if exc[0] else None)
        return False


with ExitStack() as stack:
    vals = [stack.enter_context(CM(i)) for i in range(3)]
    stack.callback(print, 'callback', 'arg')
    print('vals', vals)

try:
    with ExitStack() as stack:
        stack.enter_context(CM('x'))
        stack.push(lambda *exc: print('push saw', exc[0].__name__))
        raise KeyError('inside stack')
except KeyError as e:
    print('KeyError', e)

with ExitStack() as stack:
    stack.enter_context(CM('kept'))
    moved = stack.pop_all()
print('moved out')
moved.close()


def suppressor(*exc):
    print('suppressing', exc[0].__name__)
    return True


with ExitStack() as stack:
    stack.push(suppressor)
    raise ValueError('hidden')
print('after suppressing stack')

try:
    with ExitStack() as stack:
        stack.enter_context(object())
except TypeError as e:
    print('TypeError:', e)

import io
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print('captured text')
print('got:', repr(buf.getvalue()))


class Tracked(contextlib.ContextDecorator):
    def __enter__(self):
        print('Tracked enter')
        return self

    def __exit__(self, *exc):
        print('Tracked exit')
        return False


@Tracked()
def work():
    print('working')


work()
print(isinstance(CM(0), contextlib.AbstractContextManager))
