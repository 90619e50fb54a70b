"""memplay's CPython check: runs one snippet under CPython's tracemalloc and reports what
CPython can tell, in the shape of memplay's own report (fields CPython cannot tell, such as
the number of allocations, are left out, never zero).

This file is one part of the driver: crates/model/py/cpython/*.py, one job each (this
head; the closed check; the sample files; the measured run; the second pass at the peak;
the entries), joined in their names' order into one script (memplay_model::CPYTHON_DRIVER,
and dist/cpython/cpython_driver.py for the page).

One request for both (memplay_model::CheckRequest, made in Rust): `{"code", "limits":
{"time_ms", "memory_bytes", "output_bytes"}, "imports", "limit_messages": {"time",
"memory"}, "snippet", "unavailable": {module: reason}, "memory_margin", "samples": null or
{"dir", "files"}}`. `imports` are the modules loaded before the baseline, listed by the
engine's own rule (memplay_model::imported_modules); `samples` are memplay's sample files,
made in Rust, for the run's data/ folder.
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

# The driver's own references to tracemalloc, taken when this file loads, before any
# snippet: a snippet that rebinds `tracemalloc.get_traced_memory` does not change what the
# driver reads (in the page, the worker's JavaScript reads the figures anyway).
_traced_memory = tracemalloc.get_traced_memory
_tracemalloc_stop = tracemalloc.stop
_tracemalloc_reset_peak = tracemalloc.reset_peak
