"""Reading a wasm module's sections, for scripts/wasm-code.py and scripts/wasm-data.py."""


def leb(buf, i):
    """The unsigned LEB128 number at `buf[i]`, and the index after it."""
    value = shift = 0
    while True:
        byte = buf[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def sections(wasm):
    """(section id, start, end) of each section after the header."""
    i = 8
    while i < len(wasm):
        section, i = wasm[i], i + 1
        size, i = leb(wasm, i)
        yield section, i, i + size
        i += size
