"""memplay's CPython check: runs one snippet under CPython's tracemalloc and reports what
CPython can tell, in the shape of memplay's own report (fields CPython cannot tell, such as
the number of allocations, are left out, never zero).

One request for both (memplay_model::CheckRequest, made in Rust): `{"code", "limits":
{"time_ms", "memory_bytes", "output_bytes"}, "imports", "limit_messages": {"time",
"memory"}, "snippet", "unavailable": {module: reason}, "memory_margin"}`. `imports` are the modules loaded
before the baseline, listed by the engine's own rule (memplay_model::imported_modules).
The command line runs this file under the local python3 (`memplay compare --cpython`)
with the request on standard input and the report as JSON on standard output; that
python3 is the user's own, with their files and network, and `unavailable` is empty. The
page runs it in Pyodide (www/cpython-worker.js) and calls `check(request, hook)`; there
`unavailable` closes the modules that lead out of the sandbox (the worker's JavaScript
closes the rest).

In the page, the figures a verdict rests on (peak, retained, time) are not this file's:
a snippet can rebind any name Python sees, this file's included. `hook(event, ...)` only
says when: 'start' (tracing is on, the snippet's first line is next), 'read' (with the
output since the last one: read the figures now) and 'end' (the snippet has returned or
was stopped). The worker's JavaScript then reads tracemalloc's C-level state itself,
through references it took before any snippet ran, and replaces the report's figures with
what it read.
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

# The snippet's file name: memplay_model::SNIPPET_FILENAME, sent in each request.
SNIPPET = '<snippet>'
# Frames kept per allocation. More would credit memory allocated inside a library call to
# the snippet's line that made the call, but tracemalloc then slows CPython down another
# 5-10x (measured: 150 ms with 1 frame, 870 ms with 4, for a 100 000-element list
# comprehension), so per-line figures count what the snippet's own lines allocate.
FRAMES = 1


class _Limit(BaseException):
    """Raised in the snippet when it reaches a limit: from the interval timer (the time
    limit, command line only) or from every snippet line once _Watch has seen the limit
    passed (see _Watch.trip). A BaseException, so `except Exception` does not keep it."""

    def __init__(self, kind):
        super().__init__(kind)
        self.kind = kind


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


class _Watch:
    """Called when the snippet writes and when the garbage collector runs (which
    allocating loops make it do often). It holds the snippet to its limits: past the
    memory limit (live bytes above the baseline, as memplay counts them), or past the
    time limit where no timer can interrupt (Pyodide), it trips. And, when `send` is
    given, it sends the figures so far and the output since the last report, at most ten
    times a second, as a JSON string: the page keeps the last one if the run is stopped
    or runs out of time while CPython cannot answer."""

    def __init__(self, hook, out, base, limits, timer):
        self._hook, self._out, self._base = hook, out, base
        self._memory = int(limits['memory_bytes'])
        self._time_s = None if timer else limits['time_ms'] / 1000
        self._sent = {'stdout': 0, 'stderr': 0}
        self._started = self._next = time.perf_counter()
        self.tripped = None

    def __call__(self, *gc_info):
        current, _ = _traced_memory()
        now = time.perf_counter()
        if self.tripped is None:
            if current - self._base > self._memory:
                self.trip('memory')
            elif self._time_s is not None and now - self._started > self._time_s:
                self.trip('time')
        if self._hook is not None and now >= self._next:
            self.send(now)

    def send(self, now):
        """'Read now', with the output since the last one: the figures are read by the
        worker's JavaScript, not sent from here."""
        self._next = now + 0.1
        output = []
        for key, sent in self._sent.items():
            output.append(''.join(self._out[key][sent:]))
            self._sent[key] = len(self._out[key])
        self._hook('read', *output)

    def trip(self, kind):
        """From here on every line of the snippet raises _Limit(kind): the frames running
        now through their trace hook, the ones it calls through sys.settrace. (The
        garbage collector's callback cannot raise into the snippet itself.)"""
        self.tripped = kind

        def stop(frame, event, arg):
            if frame.f_code.co_filename != SNIPPET:
                return None
            if event == 'call':
                return stop
            raise _Limit(kind)

        frame = sys._getframe(1)
        while frame is not None:
            if frame.f_code.co_filename == SNIPPET:
                frame.f_trace = stop
            frame = frame.f_back
        sys.settrace(stop)


def _refused(unavailable, name):
    return unavailable.get(name) or unavailable.get(name.partition('.')[0])


def _pyodides_own(depth):
    """Whether the import under way comes from Pyodide's own code (its event loop imports
    parts of Pyodide as it runs), not from the snippet: the nearest frame outside
    importlib and this driver says. A snippet can fake a file name; the worker's JavaScript is closed
    for the snippet that does (www/cpython-worker.js)."""
    frame = sys._getframe(depth)
    ours = _pyodides_own.__code__.co_filename
    while frame is not None and (frame.f_code.co_filename.startswith('<frozen importlib')
                                 or frame.f_code.co_filename == ours):
        frame = frame.f_back
    name = frame.f_code.co_filename if frame is not None else ''
    return '/pyodide/' in name or '/_pyodide/' in name


class _Closed:
    """First on sys.meta_path in a closed check: the modules memplay refuses a snippet
    (memplay_model::UNAVAILABLE) fail as they fail under memplay's engine. Those Pyodide
    had loaded are kept aside for Pyodide's own code."""

    def __init__(self, unavailable, kept):
        self._unavailable, self._kept = unavailable, kept

    def find_spec(self, name, path=None, target=None):
        message = _refused(self._unavailable, name)
        if not message:
            return None
        if name in self._kept and _pyodides_own(2):
            import importlib.util
            return importlib.util.spec_from_loader(name, self)
        raise ModuleNotFoundError(message, name=name)

    def create_module(self, spec):
        return self._kept[spec.name]

    def exec_module(self, module):
        pass


def _close(unavailable):
    """Python's half of the closed check: the refused modules leave sys.modules and can
    no longer be imported by the snippet (even once Pyodide's own code has put one back),
    and Pyodide's importer of JavaScript objects leaves sys.meta_path. A snippet that digs
    them out anyway (gc.get_objects(), frames) finds JavaScript with nothing in it that
    leads out: the worker removed that first."""
    if not unavailable or any(isinstance(f, _Closed) for f in sys.meta_path):
        return
    import builtins
    kept = {name: sys.modules.pop(name) for name in list(sys.modules) if _refused(unavailable, name)}
    sys.meta_path[:] = [_Closed(unavailable, kept)] + [f for f in sys.meta_path if type(f).__name__ != 'JsFinder']
    original = builtins.__import__

    def closed_import(name, globals=None, locals=None, fromlist=(), level=0):
        message = level == 0 and _refused(unavailable, name)
        if message and not _pyodides_own(2):
            raise ModuleNotFoundError(message, name=name)
        return original(name, globals, locals, fromlist, level)

    builtins.__import__ = closed_import


# The driver's own references to tracemalloc, taken when this file loads, before any
# snippet: a snippet that rebinds `tracemalloc.get_traced_memory` does not change what the
# driver reads (in the page, the worker's JavaScript reads the figures anyway).
_traced_memory = tracemalloc.get_traced_memory
_tracemalloc_stop = tracemalloc.stop
_tracemalloc_reset_peak = tracemalloc.reset_peak


class _SnippetsTracemalloc:
    """A tutorial's own `tracemalloc.stop()`, `clear_traces()` or `reset_peak()` would end
    or reset the check's measurement: while the snippet runs, they act on the snippet's
    view only. stop and clear_traces leave the tracing on; reset_peak first folds the peak
    so far into the check's (`peak`), then resets what the snippet reads. (In the page the
    worker's JavaScript also made these C entry points harmless, for a snippet that digs
    the originals out.)"""

    NAMES = ('stop', 'clear_traces', 'reset_peak')

    def __init__(self):
        self.peak = 0
        self._saved = []

    def reset_peak(self):
        self.peak = max(self.peak, _traced_memory()[1])
        _tracemalloc_reset_peak()

    def __enter__(self):
        import _tracemalloc
        stand_ins = {'stop': lambda: None, 'clear_traces': lambda: None, 'reset_peak': self.reset_peak}
        for module in (tracemalloc, _tracemalloc):
            for name in self.NAMES:
                self._saved.append((module, name, getattr(module, name)))
                setattr(module, name, stand_ins[name])
        return self

    def __exit__(self, *exc):
        for module, name, original in self._saved:
            setattr(module, name, original)
        return False


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
    """data/server.log, byte for byte as memplay's engine makes it (crates/engine/src/
    sample_data.rs, whose test runs this and compares)."""
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


def _figures_and_lines(snapshot, peak, current, base):
    per_line = {}
    if snapshot is not None:
        for trace in snapshot.traces:
            line = _snippet_line((f.filename, f.lineno) for f in trace.traceback)
            if line is not None:
                per_line[line] = per_line.get(line, 0) + trace.size
    return {'peak_bytes': max(peak - base, 0), 'retained_bytes': current - base,
            'lines': [{'line': n, 'held_bytes': b} for n, b in sorted(per_line.items())]}


def run(request, hook=None):
    """Runs the request's code under tracemalloc; returns the report as a dict. `hook`,
    if given, is told when the snippet starts and ends and when to read the figures so far
    (see the module's docstring and _Watch)."""
    code, limits = request['code'], request['limits']
    messages = request['limit_messages']
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
    if request.get('imports'):
        # As memplay does, by its list: the modules the snippet imports (indented imports
        # too) are loaded before the baseline, so the figures are the snippet's own work,
        # not the modules' import cost.
        for name in request['imports']:
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
            raise _Limit('time')

        previous = signal.signal(signal.SIGALRM, on_time_limit)
    error = None
    ended_by_limit = False
    tracemalloc.start(FRAMES)
    stand_ins = _SnippetsTracemalloc()
    try:
        base = _traced_memory()[0]
        watch = out['progress'] = _Watch(hook, out, base, limits, timer)
        gc.callbacks.append(watch)
        if hook is not None:
            # Before the snippet's first line: a run that is ended before it reads again
            # (a loop that never allocates) still has its figures.
            hook('start')
        sys.stdout, sys.stderr = _Output(out, 'stdout'), _Output(out, 'stderr')
        started = time.perf_counter()
        if timer:
            signal.setitimer(signal.ITIMER_REAL, time_s)
        try:
            with stand_ins:
                exec(compiled, namespace)
        except _Limit as exc:
            kind = 'TimeLimitExceeded' if exc.kind == 'time' else 'MemoryLimitExceeded'
            error = _error(exc, code, kind, messages[exc.kind])
            error['traceback'] = ''
            ended_by_limit = True
        except MemoryError as exc:
            # Refused by the address-space limit, the engine's memory cap, or a size no
            # memory can hold: either way the snippet asked for too much, as memplay says.
            ended_by_limit = True
            namespace.clear()  # what the snippet holds goes first: the report needs memory
            try:
                error = _error(exc, code, message=messages['memory'])
            except MemoryError:
                error = {'type': 'MemoryError', 'message': messages['memory'], 'line': None, 'traceback': ''}
        except BaseException as exc:
            if not _clean_exit(exc):
                error = _error(exc, code)
        finally:
            sys.settrace(None)
            if timer:
                signal.setitimer(signal.ITIMER_REAL, 0)
            if hook is not None:
                hook('end')
        wall_ms = (time.perf_counter() - started) * 1000
        sys.stdout, sys.stderr = saved
        current, peak = _traced_memory()
        peak = max(peak, stand_ins.peak)
        # A run ended at a limit holds up to the limit: its per-line traces would take
        # as much again to list, so only its figures are reported.
        # (Not tracing any more: the snippet stopped tracemalloc itself; the page's worker
        # says so, and the command line's figures are what was traced until then.)
        snapshot = None if ended_by_limit or not tracemalloc.is_tracing() else tracemalloc.take_snapshot()
    finally:
        sys.settrace(None)
        sys.stdout, sys.stderr = saved
        if out['progress'] in gc.callbacks:
            gc.callbacks.remove(out['progress'])
        out['progress'] = None
        _tracemalloc_stop()
        if timer:
            signal.signal(signal.SIGALRM, previous)
    report.update(_figures_and_lines(snapshot, peak, current, base))
    report.update(
        wall_ms=wall_ms,
        stdout=''.join(out['stdout']),
        stderr=''.join(out['stderr']),
        truncated={'output': out['truncated'], 'timeline': False},
    )
    report['error'] = error
    del namespace
    if error is None and report['peak_bytes'] > 0 and wall_ms * 8 < limits['time_ms']:
        report['at_peak'] = _at_peak(compiled, report['peak_bytes'])
    return report


# A second pass stops at the first line event with this share of the first pass's peak.
_AT_PEAK_SHARE = 0.98


def _at_peak(compiled, peak):
    """What was alive at the peak, by the snippet line that allocated it: the snippet runs
    a second time (its output dropped) under a line tracer that takes tracemalloc's
    snapshot at the first line event where the traced memory reaches 98 % of the first
    pass's peak. Approximate: a line event is the finest moment a tracer sees, and a
    snippet that is not the same twice (random, clocks) may peak elsewhere. The tracer
    costs a few times the run, so this is done only for a run well inside its time limit
    (see run)."""
    namespace = {'__name__': '__main__', '__builtins__': __builtins__}
    sink = {'stdout': [], 'stderr': [], 'used': 0, 'limit': 0, 'truncated': False, 'progress': None}
    saved = sys.stdout, sys.stderr
    taken = {}

    def tracer(frame, event, arg):
        if frame.f_code.co_filename != SNIPPET:
            return None
        if not taken:
            current = _traced_memory()[0]
            if current - base >= peak * _AT_PEAK_SHARE:
                # The kinds first: the snapshot's own traces are objects too.
                taken['types'] = _by_type(existing)
                taken['snapshot'] = tracemalloc.take_snapshot()
                taken['line'] = frame.f_lineno
                taken['live'] = current - base
        return tracer

    existing = set(_objects(set()))
    tracemalloc.start(FRAMES)
    try:
        base = _traced_memory()[0]
        sys.stdout, sys.stderr = _Output(sink, 'stdout'), _Output(sink, 'stderr')
        sys.settrace(tracer)
        try:
            with _SnippetsTracemalloc():
                exec(compiled, namespace)
        except BaseException:
            pass
        finally:
            sys.settrace(None)
            sys.stdout, sys.stderr = saved
            namespace.clear()
    finally:
        _tracemalloc_stop()
    if not taken:
        return None
    lines = {}
    for trace in taken['snapshot'].traces:
        line = _snippet_line((f.filename, f.lineno) for f in trace.traceback)
        if line is not None:
            bytes_, blocks = lines.get(line, (0, 0))
            lines[line] = (bytes_ + trace.size, blocks + 1)
    # Line 0: the rest of what was alive above the baseline (made outside the snippet's
    # lines), so that the rows add up to the memory at that moment.
    rest = taken['live'] - sum(b for b, _ in lines.values())
    if rest:
        lines[0] = (rest, 0)
    by_line = [{'line': n, 'bytes': b, 'blocks': k} for n, (b, k) in lines.items()]
    by_line.sort(key=lambda l: (-l['bytes'], l['line']))
    by_type = taken['types']
    rest = taken['live'] - sum(t['bytes'] for t in by_type)
    if rest > 0:
        by_type.append({'type': '(interpreter)', 'count': 0, 'bytes': rest})
    return {'live_bytes': peak, 'running_line': taken['line'], 'by_line': by_line, 'by_stack': [],
            'by_type': by_type, 'approximate': True}


def _objects(skip):
    """The objects alive now that are not in `skip` (by id): every object the collector
    tracks, and the untracked ones they refer to (ints, strs, floats)."""
    found = {}
    objects = gc.get_objects()
    ours = {id(found), id(skip), id(objects)}
    for o in objects:
        if id(o) in ours:
            continue
        for x in [o] + [r for r in gc.get_referents(o) if not gc.is_tracked(r)]:
            if id(x) not in skip:
                found[id(x)] = x
    return found


def _by_type(existing):
    """The objects made by the snippet (not alive before it started) and alive now, by
    `type(o).__name__`: count, and bytes as `sys.getsizeof` counts them (a container with its
    own storage). Approximate: an object found only by C code, or made and freed then
    replaced at the same address, is missed or miscounted; what belongs to no object is
    left to the '(interpreter)' row."""
    types = {}
    for o in _objects(existing).values():
        name = type(o).__name__
        count, size = types.get(name, (0, 0))
        types[name] = (count + 1, size + sys.getsizeof(o))
    rows = [{'type': n, 'count': c, 'bytes': b} for n, (c, b) in types.items()]
    rows.sort(key=lambda t: (-t['bytes'], t['type']))
    return rows


def check(request, hook=None):
    """run() in a fresh working directory with memplay's sample files, closed first where
    the request says so: what the command line (main) and the page's worker call."""
    global SNIPPET
    SNIPPET = request.get('snippet', SNIPPET)
    _close(request.get('unavailable') or {})
    with _sandbox(request['code']):
        return run(request, hook)


def _limit_address_space(memory_bytes, margin):
    """The memory limit, as the command line enforces it: the process's address space may
    grow by at most the limit (and a margin for the interpreter's own arenas)."""
    try:
        import resource
    except ImportError:
        return
    with open('/proc/self/statm') as f:
        pages = int(f.read().split()[0])
    used = pages * resource.getpagesize()
    cap = used + memory_bytes + margin
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def main():
    request = json.load(sys.stdin)
    try:
        _limit_address_space(int(request['limits']['memory_bytes']), int(request['memory_margin']))
    except (OSError, ValueError):
        pass
    report = check(request)
    sys.stdout.write(json.dumps(report))


if __name__ == '__main__':
    main()
