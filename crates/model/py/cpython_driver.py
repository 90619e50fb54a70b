"""memplay's CPython check: runs one snippet under CPython's tracemalloc and reports what
CPython can tell, in the shape of memplay's own report (fields CPython cannot tell, such as
the number of allocations, are left out, never zero).

The command line runs it under the local python3 (`memplay compare --cpython`): a JSON
request `{"code", "limits": {"time_ms", "memory_bytes", "output_bytes"}, "warm_imports"}`
on standard input, the report as JSON on standard output. The page runs the same file in
Pyodide and calls `check(code, limits, warm_imports)`.
"""

import ast
import contextlib
import gc
import io
import json
import os
import platform
import shutil
import sys
import tempfile
import time
import traceback
import tracemalloc

SNIPPET = '<snippet>'
# Frames kept per allocation. More would credit memory allocated inside a library call to
# the snippet's line that made the call, but tracemalloc then slows CPython down another
# 5-10x (measured: 150 ms with 1 frame, 870 ms with 4, for a 100 000-element list
# comprehension), so per-line figures count what the snippet's own lines allocate.
FRAMES = 1


class _TimeLimit(BaseException):
    """Raised from the interval timer when the time limit passes (the command line only)."""


class _Output(io.TextIOBase):
    """stdout or stderr: kept up to the output limit, shared by both streams."""

    def __init__(self, state, key):
        self._state = state
        self._key = key

    def writable(self):
        return True

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f'write() argument must be str, not {type(s).__name__}')
        state = self._state
        room = state['limit'] - state['used']
        data = s.encode('utf-8', 'replace')
        if len(data) > room:
            state['truncated'] = True
            data = data[:max(room, 0)]
        if data:
            state['used'] += len(data)
            state[self._key].append(data.decode('utf-8', 'ignore'))
        if state['progress'] is not None:
            state['progress']()
        return len(s)


class _Progress:
    """The figures so far and the output since the last report, at most ten times a
    second, to `send` (a JSON string): the page keeps the last one if the run is stopped
    or runs out of time while CPython cannot answer. It is called when the snippet writes
    and when the garbage collector runs, which allocating loops make it do often."""

    def __init__(self, send, out, base):
        self._send, self._out, self._base = send, out, base
        self._sent = {'stdout': 0, 'stderr': 0}
        self._started = self._next = time.perf_counter()

    def __call__(self, *gc_info):
        now = time.perf_counter()
        if now < self._next:
            return
        self._next = now + 0.1
        current, peak = tracemalloc.get_traced_memory()
        figures = {'peak_bytes': max(peak - self._base, 0), 'retained_bytes': current - self._base,
                   'wall_ms': (now - self._started) * 1000}
        for key, sent in self._sent.items():
            figures[key] = ''.join(self._out[key][sent:])
            self._sent[key] = len(self._out[key])
        self._send(json.dumps(figures))


def _top_level_imports(tree):
    names = []
    for node in tree.body:
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def _snippet_line(tb_or_frames):
    """The innermost line of the snippet in a traceback's frames (oldest first)."""
    line = None
    for filename, lineno in tb_or_frames:
        if filename == SNIPPET:
            line = lineno
    return line


def _error(exc, code, kind=None, message=None):
    lines = code.splitlines()
    if isinstance(exc, SyntaxError) and exc.filename == SNIPPET:
        line = exc.lineno
        text = ''.join(traceback.format_exception_only(type(exc), exc))
    else:
        frames = [(f.filename, f.lineno) for f in traceback.extract_tb(exc.__traceback__)]
        line = _snippet_line(frames)
        shown = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == SNIPPET]
        text = 'Traceback (most recent call last):\n'
        for f in shown:
            text += f'  File "{SNIPPET}", line {f.lineno}, in {f.name}\n'
            if 0 < f.lineno <= len(lines):
                text += f'    {lines[f.lineno - 1].strip()}\n'
        text += ''.join(traceback.format_exception_only(type(exc), exc))
    return {
        'type': kind or type(exc).__name__,
        'message': str(exc) if message is None else message,
        'line': line,
        'traceback': text,
    }


_PATHS = ['/', '/api/items', '/api/items/42', '/login', '/static/app.js',
          '/api/search?q=memory', '/health', '/api/orders']


def _server_log():
    """data/server.log, byte for byte as memplay's engine makes it (src/sample_data.rs)."""
    out, state = [], 12345
    for i in range(100_000):
        state = (state * 1_103_515_245 + 12345) & 0xFFFF_FFFF
        r = state >> 8
        level, status = ('ERROR', 500) if r % 50 == 0 else ('WARN ', 404) if r % 11 == 0 else ('INFO ', 200)
        h, m, s = i // 3600 % 24, i // 60 % 60, i % 60
        out.append(f'2024-03-01T{h:02}:{m:02}:{s:02}Z {level} GET {_PATHS[r % 8]} {status} {2 + r % 240}ms\n')
    return ''.join(out)


def _measurements_csv():
    rows = ['timestamp,sensor,temperature,humidity\n']
    for i in range(20_000):
        rows.append(f'{1_700_000_000 + i * 60},sensor-{i % 12},{18.0 + (i % 97) / 10.0:.1f},{30 + i % 41}\n')
    return ''.join(rows)


_SAMPLES = []  # made once per process: (name, text)
_README = ('Sample files for memplay snippets:\n'
           'server.log        100000 lines of a web server log (about 2% ERROR lines)\n'
           'measurements.csv  20000 sensor readings: timestamp,sensor,temperature,humidity\n')


@contextlib.contextmanager
def _sandbox(code):
    """A fresh working directory for the run, holding memplay's sample files (data/) when
    the snippet names that folder; removed afterwards with what the snippet wrote."""
    home, folder = os.getcwd(), tempfile.mkdtemp(prefix='memplay-')
    try:
        if 'data' in code:
            if not _SAMPLES:
                _SAMPLES.extend([('server.log', _server_log()), ('measurements.csv', _measurements_csv()),
                                 ('README.txt', _README)])
            os.mkdir(os.path.join(folder, 'data'))
            for name, text in _SAMPLES:
                with open(os.path.join(folder, 'data', name), 'w', newline='') as f:
                    f.write(text)
        os.chdir(folder)
        yield
    finally:
        os.chdir(home)
        shutil.rmtree(folder, ignore_errors=True)


def _clean_exit(exc):
    return isinstance(exc, SystemExit) and exc.code in (None, 0)


def run(code, limits, warm_imports=True, progress=None):
    """Runs `code` under tracemalloc; returns the report as a dict. `progress`, if given,
    receives the figures so far as the run goes (see _Progress)."""
    out = {'stdout': [], 'stderr': [], 'used': 0, 'limit': int(limits['output_bytes']), 'truncated': False,
           'progress': None}
    report = {
        'engine': {'name': 'CPython', 'version': platform.python_version()},
        'limits': limits,
        'warmed_imports': [],
        'error': None,
    }
    try:
        tree = ast.parse(code, SNIPPET)
        compiled = compile(tree, SNIPPET, 'exec')
    except SyntaxError as exc:
        report.update(peak_bytes=0, retained_bytes=0, wall_ms=0.0, stdout='', stderr='', lines=[])
        report['error'] = _error(exc, code)
        report['truncated'] = {'output': False, 'timeline': False}
        return report
    if warm_imports:
        # As memplay does: the snippet's top-level imports are loaded before the baseline,
        # so the figures are the snippet's own work, not the modules' import cost.
        for name in _top_level_imports(tree):
            try:
                __import__(name)
                report['warmed_imports'].append(name)
            except BaseException:
                pass
    namespace = {'__name__': '__main__', '__builtins__': __builtins__}
    saved = sys.stdout, sys.stderr
    time_s = limits['time_ms'] / 1000
    timer = hasattr(__import__('signal'), 'setitimer') and sys.platform != 'emscripten'
    if timer:
        import signal

        def on_time_limit(signum, frame):
            raise _TimeLimit()

        previous = signal.signal(signal.SIGALRM, on_time_limit)
    error = None
    tracemalloc.start(FRAMES)
    try:
        base = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        if progress is not None:
            out['progress'] = _Progress(progress, out, base)
            gc.callbacks.append(out['progress'])
        sys.stdout, sys.stderr = _Output(out, 'stdout'), _Output(out, 'stderr')
        started = time.perf_counter()
        if timer:
            signal.setitimer(signal.ITIMER_REAL, time_s)
        try:
            exec(compiled, namespace)
        except _TimeLimit as exc:
            error = _error(exc, code, 'TimeLimitExceeded', f'time limit exceeded ({time_s:.2f} s)')
            error['traceback'] = ''
        except MemoryError as exc:
            # Refused by the address-space limit, or a size no memory can hold: either way
            # the snippet asked for too much, as memplay reports it.
            mib = limits['memory_bytes'] / (1 << 20)
            error = _error(exc, code, message=f'memory limit exceeded ({mib:.1f} MiB)')
        except BaseException as exc:
            if not _clean_exit(exc):
                error = _error(exc, code)
        finally:
            if timer:
                signal.setitimer(signal.ITIMER_REAL, 0)
        wall_ms = (time.perf_counter() - started) * 1000
        sys.stdout, sys.stderr = saved
        current, peak = tracemalloc.get_traced_memory()
        snapshot = tracemalloc.take_snapshot()
    finally:
        sys.stdout, sys.stderr = saved
        if out['progress'] in gc.callbacks:
            gc.callbacks.remove(out['progress'])
        out['progress'] = None
        tracemalloc.stop()
        if timer:
            signal.signal(signal.SIGALRM, previous)
    per_line = {}
    for trace in snapshot.traces:
        line = _snippet_line((f.filename, f.lineno) for f in trace.traceback)
        if line is not None:
            per_line[line] = per_line.get(line, 0) + trace.size
    report.update(
        peak_bytes=max(peak - base, 0),
        retained_bytes=current - base,
        wall_ms=wall_ms,
        stdout=''.join(out['stdout']),
        stderr=''.join(out['stderr']),
        lines=[{'line': n, 'net_bytes': b} for n, b in sorted(per_line.items())],
        truncated={'output': out['truncated'], 'timeline': False},
    )
    report['error'] = error
    del namespace
    return report


def check(code, limits, warm_imports=True, progress=None):
    """run() in a fresh working directory with memplay's sample files: what the command
    line (main) and the page's worker call."""
    with _sandbox(code):
        return run(code, limits, warm_imports, progress)


def _limit_address_space(memory_bytes):
    """The memory limit, as the command line enforces it: the process's address space may
    grow by at most the limit (and a margin for the interpreter's own arenas)."""
    try:
        import resource
    except ImportError:
        return
    with open('/proc/self/statm') as f:
        pages = int(f.read().split()[0])
    used = pages * resource.getpagesize()
    cap = used + memory_bytes + (64 << 20)
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def main():
    request = json.load(sys.stdin)
    limits = request['limits']
    try:
        _limit_address_space(int(limits['memory_bytes']))
    except (OSError, ValueError):
        pass
    report = check(request['code'], limits, request.get('warm_imports', True))
    sys.stdout.write(json.dumps(report))


if __name__ == '__main__':
    main()
