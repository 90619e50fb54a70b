"""pympler.asizeof as memory tutorials use it: deep sizes (asizeof, asizesof, flatsize)
built on the engine's sys.getsizeof. Every object reachable from the arguments is counted
once; classes, modules, functions and code are left out, as pympler does by default."""

import collections
import sys

_SKIP = (type, type(sys), type(len), type(lambda: 0), type((lambda: 0).__code__),
         type(print), type(''.join))


def _referents(obj):
    """What obj holds that pympler would size with it."""
    if isinstance(obj, dict):
        for key, value in obj.items():
            yield key
            yield value
    elif isinstance(obj, (list, tuple, set, frozenset, collections.deque)):
        yield from obj
    attrs = getattr(obj, '__dict__', None)
    if isinstance(attrs, dict) and not isinstance(obj, type):
        # the engine's getsizeof counts an instance's dict with it: size what it holds
        for key, value in attrs.items():
            yield key
            yield value
    for cls in type(obj).__mro__:
        slots = cls.__dict__.get('__slots__', ())
        for name in (slots,) if isinstance(slots, str) else slots:
            if name not in ('__dict__', '__weakref__') and hasattr(obj, name):
                yield getattr(obj, name)


def _deep(obj, seen, limit):
    total, stack = 0, [(obj, 0)]
    while stack:
        item, depth = stack.pop()
        if (depth and id(item) in seen) or isinstance(item, _SKIP):
            continue
        seen.add(id(item))
        total += sys.getsizeof(item, 0)
        if limit is None or depth < limit:
            stack.extend((ref, depth + 1) for ref in _referents(item))
    return total


def asizesof(*objs, limit=100, **opts):
    """The deep size of each object. As in pympler, what one of them refers to among the
    others is left to that other one, and what two share is counted in the first."""
    seen = {id(obj) for obj in objs}
    return tuple(_deep(obj, seen, limit) for obj in objs)


def asizeof(*objs, limit=100, **opts):
    """The deep size of all the objects together, each reachable object counted once."""
    return sum(asizesof(*objs, limit=limit))


def flatsize(obj, **opts):
    """The object's own size, without what it refers to."""
    return sys.getsizeof(obj, 0)

