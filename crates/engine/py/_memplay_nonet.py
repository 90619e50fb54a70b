"""asyncio with no network: the modules asyncio imports for sockets, processes, signals
and select(), in a form that holds no network. asyncio's event loop runs on them: its
wake-up pipe is an in-memory pair, and select() sleeps until the next timer. Anything that
would reach the network raises OSError saying there is none."""

import sys
import time
import types

_NO_NETWORK = 'the playground has no network'
_pipes = {}


class _Pipe:
    """One end of the in-memory pair asyncio's loop uses to wake itself."""

    def __init__(self, fd):
        self._fd = fd
        self.peer = None
        self.data = bytearray()
        _pipes[fd] = self

    def fileno(self):
        return self._fd

    def setblocking(self, flag):
        pass

    def send(self, data):
        self.peer.data += data
        return len(data)

    def recv(self, n):
        if not self.data:
            raise BlockingIOError
        chunk = bytes(self.data[:n])
        del self.data[:n]
        return chunk

    def close(self):
        _pipes.pop(self._fd, None)


def _refuse(*args, **kwargs):
    raise OSError(_NO_NETWORK)


def _module(name, attrs):
    module = types.ModuleType(name)
    module.__dict__.update(attrs)

    def __getattr__(attr):
        if attr.startswith('__'):
            raise AttributeError(attr)
        return 0 if attr.isupper() else _refuse

    module.__getattr__ = __getattr__
    return module


def _socketpair(*args, **kwargs):
    a, b = _Pipe(1000 + 2 * len(_pipes)), _Pipe(1001 + 2 * len(_pipes))
    a.peer, b.peer = b, a
    return a, b


class _Select:
    """select.select (a callable object, not a function: selectors keeps it as a class
    attribute, where a function would bind)."""

    def __call__(self, rlist, wlist, xlist, timeout=None):
        return _wait(rlist, wlist, timeout)


def _wait(rlist, wlist, timeout):
    ready = [fd for fd in rlist if fd in _pipes and _pipes[fd].data]
    if ready or wlist:
        return ready, list(wlist), []
    if timeout is None:
        raise RuntimeError('the event loop is waiting for I/O, and the playground has no '
                           'network: only timers (asyncio.sleep) and tasks can wake it')
    time.sleep(timeout)
    return [], [], []


def _default_int_handler(signum, frame):
    raise KeyboardInterrupt


STUBS = {
    'socket': lambda: _module('socket', {
        'socket': type('socket', (), {'__init__': _refuse}),
        'socketpair': _socketpair, 'error': OSError, 'timeout': TimeoutError,
        'gaierror': type('gaierror', (OSError,), {}),
        'herror': type('herror', (OSError,), {}), 'has_ipv6': False}),
    'select': lambda: _module('select', {'select': _Select(), 'error': OSError}),
    'signal': lambda: _module('signal', {
        'SIG_DFL': 0, 'SIG_IGN': 1, 'default_int_handler': _default_int_handler,
        'getsignal': lambda signum: 0, 'signal': lambda signum, handler: 0,
        'set_wakeup_fd': lambda fd, **kw: -1, 'valid_signals': lambda: set()}),
    'subprocess': lambda: _module('subprocess', {'PIPE': -1, 'STDOUT': -2, 'DEVNULL': -3}),
}


async def _no_lookup(*args, **kwargs):
    raise OSError(_NO_NETWORK)


class AsyncioLoader:
    """Wraps asyncio's loader: the stand-ins are in sys.modules only while asyncio
    imports (a snippet's own `import socket` still says there is no network), and name
    lookups fail at once instead of in a thread."""

    def __init__(self, loader):
        self._loader = loader

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        put = [name for name in STUBS if name not in sys.modules]
        for name in put:
            sys.modules[name] = STUBS[name]()
        try:
            self._loader.exec_module(module)
        finally:
            for name in put:
                sys.modules.pop(name, None)
        loop = module.base_events.BaseEventLoop
        loop.getaddrinfo = loop.getnameinfo = _no_lookup
