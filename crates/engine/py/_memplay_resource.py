"""`resource` in the playground: getrusage(RUSAGE_SELF).ru_maxrss is the process's peak
memory in KiB (as on Linux), from the engine's counting allocator; CPU times come from the
clock; the other fields are 0. Limits cannot be set: the playground's own memory limit is
in Settings (or --memory-limit on the command line)."""

import time as _time

import _memplay_tracemalloc as _native

RUSAGE_SELF = 0
RUSAGE_CHILDREN = -1
RUSAGE_BOTH = -2
RLIM_INFINITY = -1
RLIMIT_AS = 9
RLIMIT_DATA = 2
RLIMIT_STACK = 3
RLIMIT_CPU = 0

_FIELDS = ('ru_utime', 'ru_stime', 'ru_maxrss', 'ru_ixrss', 'ru_idrss', 'ru_isrss', 'ru_minflt',
           'ru_majflt', 'ru_nswap', 'ru_inblock', 'ru_oublock', 'ru_msgsnd', 'ru_msgrcv',
           'ru_nsignals', 'ru_nvcsw', 'ru_nivcsw')


class struct_rusage(tuple):
    """getrusage()'s result: a tuple whose items are also named (ru_maxrss, …)."""

    def __new__(cls, values):
        return super().__new__(cls, values)

    def __getattr__(self, name):
        try:
            return self[_FIELDS.index(name)]
        except ValueError:
            raise AttributeError(name) from None

    def __repr__(self):
        return 'resource.struct_rusage(' + ', '.join(f'{k}={v!r}' for k, v in zip(_FIELDS, self)) + ')'


def getrusage(who):
    if who not in (RUSAGE_SELF, RUSAGE_CHILDREN, RUSAGE_BOTH):
        raise ValueError('invalid who parameter')
    if who == RUSAGE_CHILDREN:
        return struct_rusage((0.0, 0.0) + (0,) * 14)
    peak = _native.process_memory()[1]
    return struct_rusage((_time.process_time(), 0.0, peak // 1024) + (0,) * 13)


def getpagesize():
    return 4096


def getrlimit(resource):
    return (RLIM_INFINITY, RLIM_INFINITY)


def setrlimit(resource, limits):
    raise OSError('the playground sets its own limits: use the memory and time limits in Settings '
                  '(--memory-limit and --time-limit on the command line)')
