"""Imports in the sandbox: modules that are not here fail with a reason (numpy, the page,
the network, processes), `random` starts from a fixed seed, asyncio runs without a
network, the standard library's bundle is imported on first use, and datetime is the
pure-Python one."""

import sys

import _memplay
import _memplay_stdlib


# Modules that are not here, with the reason a snippet is told (memplay_model::UNAVAILABLE).
_UNAVAILABLE = dict(_memplay.UNAVAILABLE)


class _SeedAfterImport:
    """Wraps a loader so that `random` starts from a fixed seed, not the host's entropy."""

    def __init__(self, loader):
        self._loader = loader

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        module.seed(0)


def _asyncio_loader(loader):
    import _memplay_nonet
    return _memplay_nonet.AsyncioLoader(loader)


# Modules whose loader is wrapped: `random` is seeded, asyncio gets its no-network parts.
_WRAPPED = {'random': _SeedAfterImport, 'asyncio': _asyncio_loader}


class _SandboxFinder:
    """First on sys.meta_path: refuses modules that are not here, with a reason, and
    wraps the loaders of the modules in _WRAPPED."""

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        message = _UNAVAILABLE.get(name) or _UNAVAILABLE.get(name.partition('.')[0])
        if message:
            raise ModuleNotFoundError(message, name=name)
        wrap = _WRAPPED.get(name)
        if wrap is None:
            return None
        for finder in sys.meta_path:
            if finder is not cls and hasattr(finder, 'find_spec'):
                spec = finder.find_spec(name, path, target)
                if spec is not None:
                    spec.loader = wrap(spec.loader)
                    return spec
        return None


sys.meta_path.insert(0, _SandboxFinder)


# Memory tools tutorials import, offered on the engine's own counters under their names.
_TOOLS = {'resource': '_memplay_resource', 'psutil': '_memplay_psutil',
          'memory_profiler': '_memplay_memory_profiler', 'pympler': '_memplay_pympler',
          'pympler.asizeof': '_memplay_pympler_asizeof'}
# Packages offered in part: their other modules say what to use instead.
_PARTLY = {'pympler': 'the playground offers pympler.asizeof (asizeof, asizesof, '
                      'flatsize); for what a run allocates over time use tracemalloc'}


class _Tool:
    """Loads a tool's playground version (py/_memplay_<tool>.py) under the tool's name."""

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name not in _TOOLS:
            package = name.partition('.')[0]
            if package in _PARTLY and package != name:
                raise ModuleNotFoundError(_PARTLY[package])  # no name: `from pympler import x` keeps it
            return None
        from _frozen_importlib import ModuleSpec
        return ModuleSpec(name, cls, origin='frozen')

    @staticmethod
    def create_module(spec):
        module = __import__(_TOOLS[spec.name])
        # Named as the snippet imported it: `from pympler import muppy` looks for
        # `pympler.muppy`, and tracebacks say `psutil`, not the playground's file.
        module.__name__ = spec.name
        return module

    @staticmethod
    def exec_module(module):
        pass


sys.meta_path.insert(1, _Tool)


class _StdlibBundle:
    """Last on sys.meta_path: the standard-library modules that are not frozen into the
    engine. The first one imported fetches the bundle of all of them (the page shows
    "loading module X"); later imports take them from the fetched copy."""

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        package = _memplay_stdlib.lazy(name)
        if package is None:
            return None
        from _frozen_importlib import ModuleSpec
        return ModuleSpec(name, cls, origin='frozen', is_package=package)

    @staticmethod
    def create_module(spec):
        return None

    @staticmethod
    def exec_module(module):
        exec(_memplay_stdlib.code(module.__name__), module.__dict__)


sys.meta_path.append(_StdlibBundle)
# RustPython's native _datetime reads the system clock for now()/utcnow(), which wasm does
# not have; the pure-Python datetime (the fallback `datetime` itself uses) takes its time
# from time.time(). The same everywhere, so the page and the command line measure alike.
sys.modules['_datetime'] = None


def _codec_not_here(encoding):
    """After the standard search: an encoding whose module needs a codec the engine is
    built without (the CJK ones: gbk, shift_jis, big5...) says so, not just "unknown"."""
    import encodings
    from encodings.aliases import aliases
    norm = encodings.normalize_encoding(encoding)
    module = aliases.get(norm) or aliases.get(norm.replace('.', '_')) or norm
    try:
        __import__('encodings.' + module)
    except ModuleNotFoundError as e:
        if (e.name or '').startswith(('_codecs_', '_multibytecodec')):
            raise LookupError(f'unknown encoding: {encoding} (the playground has no CJK '
                              'codecs; utf-8, utf-16, latin-1 and the other codecs written '
                              'in Python are here)') from None
    except ImportError:
        pass
    return None


import codecs  # noqa: E402

codecs.register(_codec_not_here)
del codecs
