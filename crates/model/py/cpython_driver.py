"""memplay's CPython check: runs one snippet under CPython's tracemalloc and reports what
CPython can tell, in the shape of memplay's own report (fields CPython cannot tell, such as
the number of allocations, are left out, never zero).

The command line runs it under the local python3 (`memplay compare --cpython`): a JSON
request `{"code", "limits": {"time_ms", "memory_bytes", "output_bytes"}, "warm_imports"}`
on standard input, the report as JSON on standard output. The page runs the same file in
Pyodide and calls `run(code, limits, warm_imports)`.
"""

import ast
import io
import json
import platform
import sys
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
        return len(s)


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


def _clean_exit(exc):
    return isinstance(exc, SystemExit) and exc.code in (None, 0)


def run(code, limits, warm_imports=True):
    """Runs `code` under tracemalloc; returns the report as a dict."""
    out = {'stdout': [], 'stderr': [], 'used': 0, 'limit': int(limits['output_bytes']), 'truncated': False}
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
    report = run(request['code'], limits, request.get('warm_imports', True))
    sys.stdout.write(json.dumps(report))


if __name__ == '__main__':
    main()
