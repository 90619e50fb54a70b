"""Clocks that work in wasm: time's monotonic and CPU clocks and sleep() read the engine's
clock, and time_ns() derives from time(), since wasm has no system clock."""

import time

import _memplay_clock


def _sleep(seconds):
    if seconds < 0:
        raise ValueError('sleep length must be non-negative')
    end = _memplay_clock.clock_ns() + int(seconds * 1e9)
    while _memplay_clock.clock_ns() < end:
        pass


time.perf_counter_ns = time.monotonic_ns = _memplay_clock.clock_ns
time.perf_counter = time.monotonic = lambda: _memplay_clock.clock_ns() / 1e9
time.process_time_ns = _memplay_clock.clock_ns
time.process_time = lambda: _memplay_clock.clock_ns() / 1e9
time.sleep = _sleep
# time.time() reads the JavaScript clock in wasm, but time_ns() (and datetime.now(), which
# uses it) asks the missing system clock and aborts the engine: derive it from time().
_wall = time.time
time.time_ns = lambda: int(_wall() * 1_000_000) * 1000


if not hasattr(time, 'get_clock_info'):
    # wasm32 has none (asyncio's event loop asks for the monotonic clock's resolution): the
    # engine's clocks count nanoseconds.
    def _get_clock_info(name):
        if name not in ('monotonic', 'perf_counter', 'process_time', 'thread_time', 'time'):
            raise ValueError('unknown clock')
        import types
        return types.SimpleNamespace(implementation='memplay engine clock', monotonic=name != 'time',
                                     adjustable=name == 'time', resolution=1e-09)

    time.get_clock_info = _get_clock_info
