

# The measured run.


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
