"""open() over the in-memory file system: a raw file read and written in place, wrapped in
io's buffered and text layers as CPython's open() does, so the buffers a snippet's reads
and writes build are counted as they would be in CPython."""

import builtins
import io

import _memplay_vfs as _vfs
from _memplay_posix import as_path


class _VfsFile(io.RawIOBase):
    """A file of the in-memory file system, read and written in place."""

    def __init__(self, path, mode, readable, writable, append):
        self.name = path
        self.mode = mode
        self._readable = readable
        self._writable = writable
        self._append = append
        self._pos = (_vfs.size(path) or 0) if append else 0

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
        data = _vfs.read(self.name, self._pos, len(view))
        n = len(data)
        view[:n] = data
        self._pos += n
        return n

    def write(self, data):
        if not self._writable:
            raise io.UnsupportedOperation('not writable')
        if self._append:
            self._pos = _vfs.size(self.name) or 0
        n = _vfs.write(self.name, self._pos, data)
        self._pos += n
        return n

    def seek(self, pos, whence=0):
        if whence == 1:
            pos += self._pos
        elif whence == 2:
            pos += _vfs.size(self.name) or 0
        if pos < 0:
            raise OSError(22, 'Invalid argument')
        self._pos = pos
        return pos

    def tell(self):
        return self._pos


def open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
         closefd=True, opener=None):
    """open() over the playground's in-memory files (sample data lives in data/)."""
    path = as_path(file)
    if not isinstance(mode, str) or not set(mode) <= set('rwaxbt+') or len(set(mode) & set('rwax')) != 1:
        raise ValueError(f'invalid mode: {mode!r}')
    binary = 'b' in mode
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    readable = 'r' in mode or '+' in mode
    writable = 'r' not in mode or '+' in mode
    if 'r' in mode:
        if _vfs.isdir(path):
            raise IsADirectoryError(21, 'Is a directory', path)
        if _vfs.size(path) is None:
            raise FileNotFoundError(2, 'No such file or directory', path)
    else:
        if 'x' in mode and _vfs.size(path) is not None:
            raise FileExistsError(17, 'File exists', path)
        _vfs.create(path, 'w' in mode)
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
