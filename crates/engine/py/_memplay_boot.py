"""Wires the sandbox before a snippet runs: captured output, the in-memory file system
behind open() and os, modules that are not available, and clocks that work in wasm.
Imported once per interpreter, before the baseline, so none of this is measured."""

import builtins
import io
import sys
import time

import _memplay
import posix

SNIPPET = '<snippet>'


class _Output(io.TextIOBase):
    """sys.stdout / sys.stderr: text goes to the engine, which caps and streams it."""

    def __init__(self, fd, name):
        self._fd = fd
        self._name = name

    @property
    def name(self):
        return self._name

    @property
    def encoding(self):
        return 'utf-8'

    def writable(self):
        return True

    def isatty(self):
        return False

    def fileno(self):
        raise io.UnsupportedOperation('the playground has no file descriptors')

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f'write() argument must be str, not {type(s).__name__}')
        _memplay.write(self._fd, s)
        return len(s)

    def flush(self):
        pass


sys.stdout = sys.__stdout__ = _Output(1, '<stdout>')
sys.stderr = sys.__stderr__ = _Output(2, '<stderr>')
sys.stdin = sys.__stdin__ = io.StringIO('')


# --- the file system -------------------------------------------------------------------

def _path(p):
    if isinstance(p, int):
        raise OSError(9, 'the playground has no file descriptors')
    if hasattr(p, '__fspath__'):
        p = p.__fspath__()
    if isinstance(p, (bytes, bytearray)):
        p = bytes(p).decode('utf-8', 'surrogateescape')
    if not isinstance(p, str):
        raise TypeError(f'expected str, bytes or os.PathLike object, not {type(p).__name__}')
    return p


class stat_result(tuple):
    """os.stat() result: a 10-tuple with the st_* attributes."""
    n_sequence_fields = 10
    n_fields = 10
    st_mode = property(lambda s: s[0])
    st_ino = property(lambda s: s[1])
    st_dev = property(lambda s: s[2])
    st_nlink = property(lambda s: s[3])
    st_uid = property(lambda s: s[4])
    st_gid = property(lambda s: s[5])
    st_size = property(lambda s: s[6])
    st_atime = property(lambda s: s[7])
    st_mtime = property(lambda s: s[8])
    st_ctime = property(lambda s: s[9])


def _stat(path, *, dir_fd=None, follow_symlinks=True):
    p = _path(path)
    if _memplay.vfs_isdir(p):
        return stat_result((0o40755, 0, 0, 2, 1000, 1000, 4096, 0, 0, 0))
    size = _memplay.vfs_size(p)
    if size is None:
        raise FileNotFoundError(2, 'No such file or directory', p)
    return stat_result((0o100644, 0, 0, 1, 1000, 1000, size, 0, 0, 0))


def _listdir(path='.'):
    return _memplay.vfs_list(_path(path))


class DirEntry:
    def __init__(self, directory, name):
        self.name = name
        self.path = directory.rstrip('/') + '/' + name if directory != '.' else name

    def is_dir(self, *, follow_symlinks=True):
        return _memplay.vfs_isdir(self.path)

    def is_file(self, *, follow_symlinks=True):
        return _memplay.vfs_size(self.path) is not None

    def is_symlink(self):
        return False

    def stat(self, *, follow_symlinks=True):
        return _stat(self.path)

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return f'<DirEntry {self.name!r}>'


class _ScandirIterator:
    def __init__(self, path):
        self._entries = iter([DirEntry(path, n) for n in _memplay.vfs_list(path)])

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._entries)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def close(self):
        pass


def _no_host(what):
    def refuse(*args, **kwargs):
        raise PermissionError(1, f'{what} is not available in the playground')
    refuse.__name__ = what
    return refuse


def _exit(code=0):
    raise SystemExit(code)


def _access(path, mode, **kwargs):
    p = _path(path)
    return _memplay.vfs_isdir(p) or _memplay.vfs_size(p) is not None


_posix_names = {
    'stat': _stat,
    'lstat': _stat,
    'stat_result': stat_result,
    'listdir': _listdir,
    'scandir': lambda path='.': _ScandirIterator(_path(path)),
    'DirEntry': DirEntry,
    'mkdir': lambda path, mode=0o777, **kw: _memplay.vfs_mkdir(_path(path)),
    'rmdir': lambda path, **kw: _memplay.vfs_rmdir(_path(path)),
    'remove': lambda path, **kw: _memplay.vfs_remove(_path(path)),
    'unlink': lambda path, **kw: _memplay.vfs_remove(_path(path)),
    'rename': lambda a, b, **kw: _memplay.vfs_rename(_path(a), _path(b)),
    'replace': lambda a, b, **kw: _memplay.vfs_rename(_path(a), _path(b)),
    'getcwd': lambda: '/sandbox',
    'getcwdb': lambda: b'/sandbox',
    'access': _access,
    'urandom': _memplay.urandom,
    'getpid': lambda: 1,
    'getppid': lambda: 0,
    'getuid': lambda: 1000,
    'cpu_count': lambda: 1,
    'strerror': lambda code: f'error {code}',
    'umask': lambda mask: 0o022,
    'fspath': _path,
    'environ': {b'HOME': b'/sandbox', b'PATH': b'/usr/bin', b'USER': b'memplay', b'LANG': b'C.UTF-8'},
    '_exit': _exit,
    '_have_functions': [],
    'error': OSError,
    'F_OK': 0, 'R_OK': 4, 'W_OK': 2, 'X_OK': 1,
    'O_RDONLY': 0, 'O_WRONLY': 1, 'O_RDWR': 2, 'O_APPEND': 1024, 'O_CREAT': 64, 'O_EXCL': 128,
    'O_TRUNC': 512,
    'SEEK_SET': 0, 'SEEK_CUR': 1, 'SEEK_END': 2,
}
for _what in ('system', 'chdir', 'kill', 'open', 'read', 'write', 'close', 'execv', 'execve',
              'spawnv', 'popen', 'putenv', 'unsetenv', 'chmod', 'symlink', 'link', 'readlink'):
    _posix_names[_what] = _no_host(_what)
for _name, _value in _posix_names.items():
    setattr(posix, _name, _value)


class _VfsFile(io.RawIOBase):
    """A file of the in-memory file system, read and written in place."""

    def __init__(self, path, mode, readable, writable, append):
        self.name = path
        self.mode = mode
        self._readable = readable
        self._writable = writable
        self._append = append
        self._pos = (_memplay.vfs_size(path) or 0) if append else 0

    def readable(self):
        return self._readable

    def writable(self):
        return self._writable

    def seekable(self):
        return True

    def readinto(self, buffer):
        if not self._readable:
            raise io.UnsupportedOperation('not readable')
        view = memoryview(buffer).cast('B')
        data = _memplay.vfs_read(self.name, self._pos, len(view))
        n = len(data)
        view[:n] = data
        self._pos += n
        return n

    def write(self, data):
        if not self._writable:
            raise io.UnsupportedOperation('not writable')
        if self._append:
            self._pos = _memplay.vfs_size(self.name) or 0
        n = _memplay.vfs_write(self.name, self._pos, data)
        self._pos += n
        return n

    def seek(self, pos, whence=0):
        if whence == 1:
            pos += self._pos
        elif whence == 2:
            pos += _memplay.vfs_size(self.name) or 0
        if pos < 0:
            raise OSError(22, 'Invalid argument')
        self._pos = pos
        return pos

    def tell(self):
        return self._pos


def open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
         closefd=True, opener=None):
    """open() over the playground's in-memory files (sample data lives in data/)."""
    path = _path(file)
    if not isinstance(mode, str) or not set(mode) <= set('rwaxbt+') or len(set(mode) & set('rwax')) != 1:
        raise ValueError(f'invalid mode: {mode!r}')
    binary = 'b' in mode
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    readable = 'r' in mode or '+' in mode
    writable = 'r' not in mode or '+' in mode
    if 'r' in mode:
        if _memplay.vfs_isdir(path):
            raise IsADirectoryError(21, 'Is a directory', path)
        if _memplay.vfs_size(path) is None:
            raise FileNotFoundError(2, 'No such file or directory', path)
    else:
        if 'x' in mode and _memplay.vfs_size(path) is not None:
            raise FileExistsError(17, 'File exists', path)
        _memplay.vfs_create(path, 'w' in mode)
    raw = _VfsFile(path, mode, readable, writable, 'a' in mode)
    if buffering == 0:
        if not binary:
            raise ValueError("can't have unbuffered text I/O")
        return raw
    size = buffering if buffering > 1 else io.DEFAULT_BUFFER_SIZE
    if readable and writable:
        buffered = io.BufferedRandom(raw, size)
    elif readable:
        buffered = io.BufferedReader(raw, size)
    else:
        buffered = io.BufferedWriter(raw, size)
    if binary:
        return buffered
    text = io.TextIOWrapper(buffered, encoding or 'utf-8', errors, newline,
                            line_buffering=buffering == 1)
    return text


builtins.open = open
io.open = open


# --- modules that are not here -------------------------------------------------------

_UNAVAILABLE = {
    'numpy': 'numpy is not available in the playground; use the array module '
             "(array.array('d', ...)) for compact numeric arrays",
    'pandas': 'pandas is not available in the playground; use csv and collections',
    'js': 'the playground gives Python no access to the page',
    '_js': 'the playground gives Python no access to the page',
    'browser': 'the playground gives Python no access to the page',
    'pyodide': 'the playground gives Python no access to the page',
    'socket': 'the playground has no network',
    '_socket': 'the playground has no network',
    'ssl': 'the playground has no network',
    'subprocess': 'the playground cannot start processes',
    'multiprocessing': 'the playground cannot start processes',
    'ctypes': 'the playground gives Python no access to native code',
}


class _SeedAfterImport:
    """Wraps a loader so that `random` starts from a fixed seed, not the host's entropy."""

    def __init__(self, loader):
        self._loader = loader

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        module.seed(0)


class _SandboxFinder:
    """First on sys.meta_path: refuses modules that are not here, with a reason, and
    seeds `random` so that runs are reproducible."""

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        message = _UNAVAILABLE.get(name) or _UNAVAILABLE.get(name.partition('.')[0])
        if message:
            raise ModuleNotFoundError(message, name=name)
        if name != 'random':
            return None
        for finder in sys.meta_path:
            if finder is not cls and hasattr(finder, 'find_spec'):
                spec = finder.find_spec(name, path, target)
                if spec is not None:
                    spec.loader = _SeedAfterImport(spec.loader)
                    return spec
        return None


sys.meta_path.insert(0, _SandboxFinder)


class _StdlibBundle:
    """Last on sys.meta_path: the standard-library modules that are not frozen into the
    engine. The first one imported fetches the bundle of all of them (the page shows
    "loading module X"); later imports take them from the fetched copy."""

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        package = _memplay.stdlib_lazy(name)
        if package is None:
            return None
        from _frozen_importlib import ModuleSpec
        return ModuleSpec(name, cls, origin='frozen', is_package=package)

    @staticmethod
    def create_module(spec):
        return None

    @staticmethod
    def exec_module(module):
        exec(_memplay.stdlib_code(module.__name__), module.__dict__)


sys.meta_path.append(_StdlibBundle)
# RustPython's native _datetime reads the system clock for now()/utcnow(), which wasm does
# not have; the pure-Python datetime (the fallback `datetime` itself uses) takes its time
# from time.time(). The same everywhere, so the page and the command line measure alike.
sys.modules['_datetime'] = None


# --- clocks: the engine's clock, since wasm has no system one ---------------------------

def _sleep(seconds):
    if seconds < 0:
        raise ValueError('sleep length must be non-negative')
    end = _memplay.clock_ns() + int(seconds * 1e9)
    while _memplay.clock_ns() < end:
        pass


time.perf_counter_ns = time.monotonic_ns = _memplay.clock_ns
time.perf_counter = time.monotonic = lambda: _memplay.clock_ns() / 1e9
time.process_time_ns = _memplay.clock_ns
time.process_time = lambda: _memplay.clock_ns() / 1e9
time.sleep = _sleep
# time.time() reads the JavaScript clock in wasm, but time_ns() (and datetime.now(), which
# uses it) asks the missing system clock and aborts the engine: derive it from time().
_wall = time.time
time.time_ns = lambda: int(_wall() * 1_000_000) * 1000


def describe(exc, source):
    """(type name, message, snippet line or None, formatted traceback) of an exception."""
    import linecache
    import traceback
    linecache.cache[SNIPPET] = (len(source), None, source.splitlines(True), SNIPPET)
    line = None
    if isinstance(exc, SyntaxError) and exc.filename == SNIPPET:
        line = exc.lineno
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == SNIPPET:
            line = tb.tb_lineno
        tb = tb.tb_next
    text = ''.join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return type(exc).__name__, str(exc), line, text
