"""Wires the sandbox before a snippet runs, one shim per concern (see src/shims/mod.rs):
captured output, the file system behind os and open(), imports, clocks that work in
wasm, and sys.getsizeof as what an object owns in this engine. Imported once per interpreter, before the baseline, so none of this is measured."""

import _memplay_stdio  # noqa: F401  (sys.stdout, sys.stderr, sys.stdin)
import _memplay_posix  # noqa: F401  (posix, which os is built on)
import _memplay_open  # noqa: F401  (builtins.open, io.open)
import _memplay_imports  # noqa: F401  (sys.meta_path, sys.modules)
import _memplay_time  # noqa: F401  (time's clocks)

import sys
import _memplay_sizes

sys.getsizeof = _memplay_sizes.getsizeof
del sys, _memplay_sizes
