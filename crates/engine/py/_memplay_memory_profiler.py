"""`memory_profiler` in the playground: `@profile` prints the decorated function's line
table (Line #, Mem usage, Increment, Occurrences, Line Contents) as memory_profiler does,
and `memory_usage()` samples the process's memory; both read it from the engine's counting
allocator instead of the operating system."""

import sys

import _memplay
import _memplay_tracemalloc as _native


def _mib():
    return _native.process_memory()[0] / (1 << 20)


def _function_lines(code):
    """(first line number, the lines) of a function defined in the snippet, decorators
    first, as memory_profiler prints them; None for code from elsewhere."""
    if code.co_filename != _memplay.SNIPPET:
        return None
    lines = _memplay.source().splitlines()
    first = code.co_firstlineno
    i = first - 1
    while i < len(lines) and not lines[i].lstrip().startswith(('def ', 'async def ')):
        i += 1
    if i >= len(lines):
        return first, lines[first - 1:first]
    indent = len(lines[i]) - len(lines[i].lstrip())
    end = i + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    while end > i + 1 and not lines[end - 1].strip():
        end -= 1
    return first, lines[first - 1:end]


def _table(code, stats, entry, precision):
    template = '{0:>6} {1:>12} {2:>12}  {3:>10}   {4:<}'
    header = template.format('Line #', 'Mem usage', 'Increment', 'Occurrences', 'Line Contents')
    out = [f'Filename: {code.co_filename}', '', header, '=' * len(header)]
    found = _function_lines(code)
    if found is None:
        return '\n'.join(out) + '\n'
    first, lines = found
    mib = lambda v: f'{v:5.{precision}f} MiB'
    for n, text in enumerate(lines, start=first):
        if n == first:
            out.append(template.format(n, mib(entry), mib(entry), 1, text))
        elif n in stats:
            mem, inc, occ = stats[n]
            out.append(template.format(n, mib(mem), mib(inc), occ, text))
        else:
            out.append(template.format(n, '', '', '', text))
    return '\n'.join(out) + '\n\n'


def profile(func=None, stream=None, precision=1, backend='psutil'):
    """Prints the line table of `func` each time it returns."""
    if func is None:
        return lambda f: profile(f, stream=stream, precision=precision, backend=backend)
    code = func.__code__

    def wrapper(*args, **kwargs):
        stats = {}
        entry = _mib()
        state = [None, entry]

        def local(frame, event, arg):
            if event in ('line', 'return'):
                mem = _mib()
                line = state[0]
                if line is not None:
                    s = stats.setdefault(line, [0.0, 0.0, 0])
                    s[0] = max(s[0], mem)
                    s[1] += mem - state[1]
                    s[2] += 1
                state[0] = frame.f_lineno if event == 'line' else None
                state[1] = mem
            return local

        def tracer(frame, event, arg):
            return local if frame.f_code is code else None

        previous = sys.gettrace()
        sys.settrace(tracer)
        try:
            return func(*args, **kwargs)
        finally:
            sys.settrace(previous)
            (stream or sys.stdout).write(_table(code, stats, entry, precision))

    wrapper.__name__ = getattr(func, '__name__', 'wrapper')
    wrapper.__doc__ = getattr(func, '__doc__', None)
    wrapper.__wrapped__ = func
    return wrapper


def memory_usage(proc=-1, interval=0.1, timeout=None, max_usage=False, retval=False, **ignored):
    """The process's memory in MiB: now (proc -1 or a pid), or sampled at every line while
    `proc` — a callable, or (f, args, kwargs) — runs."""
    if proc == -1 or isinstance(proc, int):
        value = _mib()
        return value if max_usage else [value]
    if callable(proc):
        f, args, kwargs = proc, (), {}
    else:
        f, args, kwargs = (tuple(proc) + ((), {}))[:3]
    samples = [_mib()]

    def sample(frame, event, arg):
        samples.append(_mib())
        return sample

    previous = sys.gettrace()
    sys.settrace(sample)
    try:
        result = f(*args, **kwargs)
    finally:
        sys.settrace(previous)
    samples.append(_mib())
    value = max(samples) if max_usage else samples
    return (value, result) if retval else value


def __getattr__(name):
    raise AttributeError(f'memory_profiler.{name} is not available in the playground; '
                         'it offers @profile and memory_usage()')
