"""The native half of tracemalloc, fed by the engine's counting allocator. While tracing,
the engine keeps every live block with the snippet line that allocated it; a snapshot
groups them per line (one trace per line, sized by its blocks)."""

import _memplay


def start(nframe=1):
    _memplay.tm_start()


def stop():
    _memplay.tm_stop()


def is_tracing():
    return _memplay.tm_is_tracing()


def clear_traces():
    _memplay.tm_clear()


def get_traced_memory():
    return _memplay.tm_traced()


def reset_peak():
    _memplay.tm_reset_peak()


def get_traceback_limit():
    return 1


def get_tracemalloc_memory():
    return 0


def _get_object_traceback(obj):
    return None


def _get_traces():
    traces = []
    for line, size, blocks in _memplay.tm_traces():
        # tracemalloc counts one trace per block; spread the line's bytes over its blocks.
        each, extra = divmod(size, blocks)
        frame = (('<snippet>', line),)
        traces.extend((0, each + (1 if i < extra else 0), frame, 1) for i in range(blocks))
    return traces
