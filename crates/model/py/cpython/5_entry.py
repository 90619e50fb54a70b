

# The entries: check() for the page and the command line, main() for the command line.


def check(request, hook=None):
    """run() in a fresh working directory with memplay's sample files, closed first where
    the request says so: what the command line (main) and the page's worker call."""
    global SNIPPET
    SNIPPET = request.get('snippet', SNIPPET)
    _close(request.get('unavailable') or {})
    with _sandbox(request):
        return run(request, hook)


def _limit_address_space(memory_bytes, margin):
    """The memory limit, as the command line enforces it: the process's address space may
    grow by at most the limit (and a margin for the interpreter's own arenas)."""
    try:
        import resource
    except ImportError:
        return
    with open('/proc/self/statm') as f:
        pages = int(f.read().split()[0])
    used = pages * resource.getpagesize()
    cap = used + memory_bytes + margin
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def main():
    request = json.load(sys.stdin)
    try:
        _limit_address_space(int(request['limits']['memory_bytes']), int(request['memory_margin']))
    except (OSError, ValueError):
        pass
    report = check(request)
    sys.stdout.write(json.dumps(report))


if __name__ == '__main__':
    main()
