"""How an exception reads in a report: its type, message, snippet line and traceback."""

import _memplay


def describe(exc, source):
    """(type name, message, snippet line or None, formatted traceback) of an exception."""
    import linecache
    import traceback
    linecache.cache[_memplay.SNIPPET] = (len(source), None, source.splitlines(True), _memplay.SNIPPET)
    line = None
    if isinstance(exc, SyntaxError) and exc.filename == _memplay.SNIPPET:
        line = exc.lineno
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == _memplay.SNIPPET:
            line = tb.tb_lineno
        tb = tb.tb_next
    text = ''.join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return type(exc).__name__, str(exc), line, text
