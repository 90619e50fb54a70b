

# The second pass: what was alive at the peak.


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
