"""The `posix` module that `os` is built on, over the in-memory file system: stat, listdir,
scandir, mkdir, remove, rename… Whatever would reach the host raises PermissionError;
the environment is a fixed one. `as_path()` turns any path argument into a str."""

import posix

import _memplay_vfs as _vfs


def as_path(p):
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
    p = as_path(path)
    if _vfs.isdir(p):
        return stat_result((0o40755, 0, 0, 2, 1000, 1000, 4096, 0, 0, 0))
    size = _vfs.size(p)
    if size is None:
        raise FileNotFoundError(2, 'No such file or directory', p)
    return stat_result((0o100644, 0, 0, 1, 1000, 1000, size, 0, 0, 0))


def _listdir(path='.'):
    return _vfs.list(as_path(path))


class DirEntry:
    def __init__(self, directory, name):
        self.name = name
        self.path = directory.rstrip('/') + '/' + name if directory != '.' else name

    def is_dir(self, *, follow_symlinks=True):
        return _vfs.isdir(self.path)

    def is_file(self, *, follow_symlinks=True):
        return _vfs.size(self.path) is not None

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
        self._entries = iter([DirEntry(path, n) for n in _vfs.list(path)])

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
    p = as_path(path)
    return _vfs.isdir(p) or _vfs.size(p) is not None


_posix_names = {
    'stat': _stat,
    'lstat': _stat,
    'stat_result': stat_result,
    'listdir': _listdir,
    'scandir': lambda path='.': _ScandirIterator(as_path(path)),
    'DirEntry': DirEntry,
    'mkdir': lambda path, mode=0o777, **kw: _vfs.mkdir(as_path(path)),
    'rmdir': lambda path, **kw: _vfs.rmdir(as_path(path)),
    'remove': lambda path, **kw: _vfs.remove(as_path(path)),
    'unlink': lambda path, **kw: _vfs.remove(as_path(path)),
    'rename': lambda a, b, **kw: _vfs.rename(as_path(a), as_path(b)),
    'replace': lambda a, b, **kw: _vfs.rename(as_path(a), as_path(b)),
    'getcwd': lambda: '/sandbox',
    'getcwdb': lambda: b'/sandbox',
    'access': _access,
    'urandom': _vfs.urandom,
    'getpid': lambda: 1,
    'getppid': lambda: 0,
    'getuid': lambda: 1000,
    'cpu_count': lambda: 1,
    'strerror': lambda code: f'error {code}',
    'umask': lambda mask: 0o022,
    'fspath': as_path,
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
