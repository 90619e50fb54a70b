

# The closed check: the modules that lead out of the sandbox, refused as the engine refuses them.


def _refused(unavailable, name):
    return unavailable.get(name) or unavailable.get(name.partition('.')[0])


def _pyodides_own(depth):
    """Whether the import under way comes from Pyodide's own code (its event loop imports
    parts of Pyodide as it runs), not from the snippet: the nearest frame outside
    importlib and this driver says. A snippet can fake a file name; the worker's JavaScript is closed
    for the snippet that does (www/cpython-worker.js)."""
    frame = sys._getframe(depth)
    ours = _pyodides_own.__code__.co_filename
    while frame is not None and (frame.f_code.co_filename.startswith('<frozen importlib')
                                 or frame.f_code.co_filename == ours):
        frame = frame.f_back
    name = frame.f_code.co_filename if frame is not None else ''
    return '/pyodide/' in name or '/_pyodide/' in name


class _Closed:
    """First on sys.meta_path in a closed check: the modules memplay refuses a snippet
    (memplay_model::UNAVAILABLE) fail as they fail under memplay's engine. Those Pyodide
    had loaded are kept aside for Pyodide's own code."""

    def __init__(self, unavailable, kept):
        self._unavailable, self._kept = unavailable, kept

    def find_spec(self, name, path=None, target=None):
        message = _refused(self._unavailable, name)
        if not message:
            return None
        if name in self._kept and _pyodides_own(2):
            import importlib.util
            return importlib.util.spec_from_loader(name, self)
        raise ModuleNotFoundError(message, name=name)

    def create_module(self, spec):
        return self._kept[spec.name]

    def exec_module(self, module):
        pass


def _close(unavailable):
    """Python's half of the closed check: the refused modules leave sys.modules and can
    no longer be imported by the snippet (even once Pyodide's own code has put one back),
    and Pyodide's importer of JavaScript objects leaves sys.meta_path. A snippet that digs
    them out anyway (gc.get_objects(), frames) finds JavaScript with nothing in it that
    leads out: the worker removed that first."""
    if not unavailable or any(isinstance(f, _Closed) for f in sys.meta_path):
        return
    import builtins
    kept = {name: sys.modules.pop(name) for name in list(sys.modules) if _refused(unavailable, name)}
    sys.meta_path[:] = [_Closed(unavailable, kept)] + [f for f in sys.meta_path if type(f).__name__ != 'JsFinder']
    original = builtins.__import__

    def closed_import(name, globals=None, locals=None, fromlist=(), level=0):
        message = level == 0 and _refused(unavailable, name)
        if message and not _pyodides_own(2):
            raise ModuleNotFoundError(message, name=name)
        return original(name, globals, locals, fromlist, level)

    builtins.__import__ = closed_import
