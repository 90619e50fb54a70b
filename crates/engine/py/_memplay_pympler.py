"""The pympler package, as far as the playground offers it: its asizeof module
(py/_memplay_pympler_asizeof.py). Importing its other modules says what to use instead."""

__path__ = []  # a package: `from pympler import asizeof` imports the submodule
