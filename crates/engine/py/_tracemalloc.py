"""The native half of tracemalloc, fed by the engine's counting allocator. While tracing,
the engine keeps every live block with the snippet line that allocated it; a snapshot
groups them per line (one trace per line, sized by its blocks)."""

import _memplay
import _memplay_tracemalloc as _native


def start(nframe=1):
    _native.start()


def stop():
    _native.stop()


def is_tracing():
    return _native.is_tracing()


def clear_traces():
    _native.clear()


def get_traced_memory():
    return _native.traced()


def reset_peak():
    _native.reset_peak()


def get_traceback_limit():
    return 1


def get_tracemalloc_memory():
    return 0


def _get_object_traceback(obj):
    return None


def _get_traces():
    traces = []
    for line, size, blocks in _native.traces():
        # tracemalloc counts one trace per block; spread the line's bytes over its blocks.
        each, extra = divmod(size, blocks)
        frame = ((_memplay.SNIPPET, line),)
        traces.extend((0, each + (1 if i < extra else 0), frame, 1) for i in range(blocks))
    return traces
