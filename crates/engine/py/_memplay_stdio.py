"""Captured output: sys.stdout and sys.stderr write to the engine, which caps the text and
streams it to the page or the command line as it is written; stdin is empty."""

import io
import sys

import _memplay_out


class _Output(io.TextIOBase):
    """sys.stdout / sys.stderr: text goes to the engine, which caps and streams it."""

    def __init__(self, fd, name):
        self._fd = fd
        self._name = name
        # The engine's own function, called directly (see shims/output.rs).
        self.write = _memplay_out.write_stdout if fd == 1 else _memplay_out.write_stderr

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

    def flush(self):
        pass


sys.stdout = sys.__stdout__ = _Output(1, '<stdout>')
sys.stderr = sys.__stderr__ = _Output(2, '<stderr>')
sys.stdin = sys.__stdin__ = io.StringIO('')
