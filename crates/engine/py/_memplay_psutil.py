"""`psutil` in the playground: Process().memory_info().rss (and vms) is the process's memory
now, from the engine's counting allocator, and virtual_memory() describes the engine's
address space. Everything else psutil offers says what to use instead."""

import _memplay_tracemalloc as _native

# The most a 32-bit WebAssembly engine can address; the command line uses the same figure
# so that both report alike.
_TOTAL = 4 << 30


class pmem(tuple):
    """memory_info()'s result: (rss, vms, shared, text, lib, data, dirty), also by name."""

    _fields = ('rss', 'vms', 'shared', 'text', 'lib', 'data', 'dirty')

    def __new__(cls, *values):
        return super().__new__(cls, values)

    def __getattr__(self, name):
        try:
            return self[self._fields.index(name)]
        except ValueError:
            raise AttributeError(name) from None

    def __repr__(self):
        return 'pmem(' + ', '.join(f'{k}={v}' for k, v in zip(self._fields, self)) + ')'


class svmem(pmem):
    _fields = ('total', 'available', 'percent', 'used', 'free')

    def __repr__(self):
        return 'svmem(' + ', '.join(f'{k}={v}' for k, v in zip(self._fields, self)) + ')'


class Process:
    """The running snippet's process (there is only one)."""

    def __init__(self, pid=None):
        self.pid = 1 if pid is None else pid

    def memory_info(self):
        rss = _native.process_memory()[0]
        return pmem(rss, rss, 0, 0, 0, rss, 0)

    def memory_full_info(self):
        return self.memory_info()

    def memory_percent(self, memtype='rss'):
        return self.memory_info().rss / _TOTAL * 100

    def __getattr__(self, name):
        raise AttributeError(f'Process.{name} is not available in the playground; '
                             'it offers memory_info(), memory_full_info() and memory_percent()')


def virtual_memory():
    used = _native.process_memory()[0]
    return svmem(_TOTAL, _TOTAL - used, used / _TOTAL * 100, used, _TOTAL - used)


def __getattr__(name):
    raise AttributeError(f'psutil.{name} is not available in the playground; '
                         'it offers Process().memory_info() and virtual_memory()')
