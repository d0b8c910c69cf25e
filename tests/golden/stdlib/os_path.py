# os and os.path: path arithmetic, environ, files and directories.
import os
import os.path
from os import path as p2
import sys

print(os.name, os.sep, os.linesep == '\n', os.curdir, os.pardir, os.pathsep, os.devnull, os.path is p2, sys.modules['os.path'] is os.path)
j = os.path.join
print(j('a', 'b', 'c'), j('/a', 'b/'), j('a/', '/b'), j('', 'x'), j('a', ''), j('a'), j(b'a', b'b'))
for path in ['/usr/lib/python3.11/os.py', 'file.tar.gz', '.bashrc', '..ab', 'a/b/', '/', '', 'a', '//x//y', 'dir.d/file']:
    print(repr(path), os.path.split(path), os.path.basename(path), repr(os.path.dirname(path)), os.path.splitext(path))
for path in ['a//b', 'a/./b/', 'a/../b', '../../x', '/../x', '//a/b', '///a/../b', '', '.', 'a/b/../../..', 'a/../../b/']:
    print(repr(path), repr(os.path.normpath(path)))
print(os.path.isabs('/x'), os.path.isabs('x'), os.path.splitdrive('/a/b'), os.path.normcase('A/B'))
print(os.path.relpath('/a/b/c', '/a/x'), os.path.relpath('/a', '/a'), os.path.relpath('/a/b', '/'))
print(os.path.commonprefix(['/usr/lib', '/usr/local', '/usr/libx']), os.path.commonpath(['/usr/lib', '/usr/local/x']), repr(os.path.commonprefix([])))
print(os.path.abspath('x') == os.path.join(os.getcwd(), 'x'), os.path.abspath('/a/./b/../c'))
print(os.path.basename(os.getcwd()), os.path.isdir('.'), os.path.isfile('os_path.py'), os.path.exists('nope'), os.path.isfile('.'))

os.environ['AIOPY_TEST_VAR'] = 'value 1'
print(os.environ['AIOPY_TEST_VAR'], os.getenv('AIOPY_TEST_VAR'), os.environ.get('AIOPY_TEST_VAR'), 'AIOPY_TEST_VAR' in os.environ)
print(os.getenv('AIOPY_SURELY_UNSET'), os.getenv('AIOPY_SURELY_UNSET', 'dflt'), os.environ.get('AIOPY_SURELY_UNSET', 0))
os.environ['HOME'] = '/home/someone'
print(os.path.expanduser('~/x'), os.path.expanduser('~'), os.path.expanduser('a~'), os.path.expandvars('$AIOPY_TEST_VAR/${AIOPY_TEST_VAR}/$NOPE_X/$'))
del os.environ['AIOPY_TEST_VAR']
print(os.getenv('AIOPY_TEST_VAR'), os.environ.pop('AIOPY_TEST_VAR', 'gone'))
try:
    os.environ['AIOPY_SURELY_UNSET']
except KeyError as e:
    print('KeyError', e)
try:
    os.environ['X'] = 1
except TypeError as e:
    print('TypeError', e)

base = os.path.join('/tmp', f'aiopy_os_test_{os.getpid()}')
os.makedirs(os.path.join(base, 'sub', 'deeper'))
os.makedirs(os.path.join(base, 'sub'), exist_ok=True)
with open(os.path.join(base, 'sub', 'f.txt'), 'w') as f:
    f.write('hello')
with open(os.path.join(base, 'top.txt'), 'w') as f:
    f.write('x' * 10)
print(sorted(os.listdir(base)), os.path.getsize(os.path.join(base, 'top.txt')), os.stat(os.path.join(base, 'top.txt')).st_size)
st = os.stat(base)
print(type(st).__name__, st.st_mode & 0o170000 == 0o040000, isinstance(st.st_mtime, float), len(st), st[6] == st.st_size)
for root, dirs, files in os.walk(base):
    print(os.path.relpath(root, base), sorted(dirs), sorted(files))
with os.scandir(base) as it:
    print(sorted((e.name, e.is_dir(), e.is_file()) for e in it))
os.rename(os.path.join(base, 'top.txt'), os.path.join(base, 'moved.txt'))
print(sorted(os.listdir(base)))
for call in [lambda: os.mkdir(base), lambda: os.listdir(os.path.join(base, 'missing')),
             lambda: os.remove(os.path.join(base, 'missing')), lambda: os.rmdir(os.path.join(base, 'sub')),
             lambda: open(os.path.join(base, 'nope', 'x'))]:
    try:
        call()
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename == base or os.path.relpath(e.filename, base))
os.remove(os.path.join(base, 'moved.txt'))
os.remove(os.path.join(base, 'sub', 'f.txt'))
os.removedirs(os.path.join(base, 'sub', 'deeper'))
print(os.path.exists(base))


class P:
    def __fspath__(self):
        return '/tmp/x'


print(os.fspath(P()), os.fspath('s'), isinstance(P(), os.PathLike), isinstance('s', os.PathLike), os.path.join(P(), 'y'))
for bad in [lambda: os.fspath(1), lambda: os.path.join('a', 1), lambda: os.path.join(1)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
print(type(os.getpid()).__name__, os.cpu_count() > 0, len(os.urandom(8)), os.strerror(2))
