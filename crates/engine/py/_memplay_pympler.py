"""The pympler package, as far as the playground offers it: its asizeof module
(py/_memplay_pympler_asizeof.py). Importing its other modules says what to use instead."""

import _memplay_pympler_asizeof as asizeof  # noqa: F401  (`from pympler import asizeof`)

__path__ = []  # a package: `import pympler.asizeof` works too
