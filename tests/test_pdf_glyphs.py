"""The PDF reader the shaping tests rely on must read every stream whole, whatever bytes the compressed data holds."""

import zlib

from tests.pdf_glyphs import _stream

# Chosen because its compressed form ends in a carriage return, as WeasyPrint's streams sometimes do (pydyf
# writes the data, then a line feed and endstream).
CONTENT = b"BT /F1 12 Tf <0041> Tj ET" + b" " * 7 + b"%X"


def test_compressed_data_ending_in_a_carriage_return_is_read_whole():
    data = zlib.compress(CONTENT)
    assert data.endswith(b"\r")
    body = b"\n<</Filter /FlateDecode/Length %d>>\nstream\n" % len(data) + data + b"\nendstream\n"
    assert _stream(body) == CONTENT


def test_a_stream_without_a_direct_length_is_read_up_to_endstream():
    body = b"\n<</Length 12 0 R>>\nstream\nBT ET\nendstream\n"
    assert _stream(body) == b"BT ET"
