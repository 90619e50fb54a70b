"""lz4.frame: compress/decompress in the LZ4 frame format."""

from _memplay_lz4 import compress as _compress, decompress as _decompress


def compress(data, compression_level=0, block_size=0, content_checksum=False, **kwargs):
    return _compress(data)


def decompress(data, **kwargs):
    return _decompress(data)
