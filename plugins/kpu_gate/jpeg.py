"""Drop metadata from JPEG and JPEG 2000 data, keeping the compressed image byte for byte."""

from collections.abc import Iterator

# Hand-written on purpose: Pillow can only re-encode (lossy), jpegtran/exiftool are external
# programs needing temporary files, and piexif removes EXIF alone. The JPEGs here come out of PDF
# streams, and all we may do is drop whole segments, which takes a short walk over the markers.

SOI, EOI, SOS = 0xD8, 0xD9, 0xDA
APP0, APP14, COM = 0xE0, 0xEE, 0xFE

# Markers without a length field: TEM and the restart markers RST0..RST7.
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})

# Segments a decoder needs: SOF0..SOF15 (but not the reserved JPG 0xC8), DHT 0xC4 and DAC 0xCC
# among them, then DQT, DNL, DRI, DHP, EXP. Everything else (APPn, COM, reserved) is ignored by
# DCTDecode and may carry EXIF, GPS, XMP, ICC, thumbnails or comments, so it is dropped; a PDF
# takes colours from the image's /ColorSpace, not from an ICC profile in APP2.
_DECODING = frozenset({*range(0xC0, 0xC8), *range(0xC9, 0xD0), 0xDB, 0xDC, 0xDD, 0xDE, 0xDF})


class JpegError(ValueError):
    """A JPEG whose marker structure cannot be walked safely."""


def strip_jpeg(data: bytes) -> bytes:
    """Return the JPEG without EXIF, XMP, ICC, comments and other non-image segments."""
    if data[:2] != b"\xff\xd8":
        raise JpegError("no SOI marker")
    out = [data[:2]]
    pos, size, scanned = 2, len(data), False
    while pos < size:
        pos = _marker_at(data, pos)
        marker = data[pos + 1]
        if marker == EOI:
            # Anything after EOI is not part of the image: often a second picture (MPF
            # previews, "motion photo" video) with its own EXIF.
            out.append(b"\xff\xd9")
            return b"".join(out)
        if marker in _STANDALONE:
            out.append(data[pos : pos + 2])
            pos += 2
            continue
        if pos + 4 > size:
            raise JpegError("segment header cut off")
        end = pos + 2 + int.from_bytes(data[pos + 2 : pos + 4], "big")
        if end > size or end < pos + 4:
            raise JpegError(f"segment 0x{marker:02X} has a bad length")
        kept = _kept_segment(marker, data[pos:end])
        if kept:
            out.append(kept)
        pos = end
        if marker == SOS:
            scan_end = _scan_end(data, pos)
            out.append(data[pos:scan_end])
            pos, scanned = scan_end, True
    if not scanned:
        raise JpegError("no image data")
    # A JPEG cut off without EOI stays as the decoder already saw it.
    return b"".join(out)


def _marker_at(data: bytes, pos: int) -> int:
    """Return the position of the next marker's last 0xFF byte, skipping stray bytes."""
    # Stray bytes and 0xFF fill bytes between segments are skipped by decoders (libjpeg warns
    # "extraneous bytes before marker"), so dropping them changes no pixel.
    size = len(data)
    while True:
        pos = data.find(b"\xff", pos)
        if pos < 0 or pos + 1 >= size:
            raise JpegError("data ends before the next marker")
        if data[pos + 1] not in (0x00, 0xFF):
            return pos
        pos += 1


def _kept_segment(marker: int, segment: bytes) -> bytes:
    """Return the segment as it may stay in the output, or b"" to drop it."""
    payload = segment[4:]
    if marker in _DECODING or marker == SOS:
        return segment
    if marker == APP0 and payload.startswith(b"JFIF\x00") and len(payload) >= 14:
        # Keep the JFIF header (density, version) but not its thumbnail: a thumbnail keeps
        # showing what a photo looked like before it was cropped.
        return b"\xff\xe0\x00\x10" + payload[:12] + b"\x00\x00"
    if marker == APP14 and payload.startswith(b"Adobe"):
        # Tells the decoder whether the data is YCbCr/YCCK or plain RGB/CMYK.
        return segment
    return b""


def _scan_end(data: bytes, pos: int) -> int:
    """Return where the entropy-coded data starting at pos ends (the next real marker)."""
    size = len(data)
    while True:
        pos = data.find(b"\xff", pos)
        if pos < 0 or pos + 1 >= size:
            return size
        following = data[pos + 1]
        # 0xFF00 is an escaped 0xFF inside the data, RSTn belong to the scan, and 0xFFFF is fill
        # before a marker, which stays in the scan bytes untouched.
        if following == 0x00 or 0xD0 <= following <= 0xD7:
            pos += 2
        elif following == 0xFF:
            pos += 1
        else:
            return pos


# JPEG 2000 (/JPXDecode). A JP2 file is a sequence of boxes, each a 4-byte big-endian length and
# a 4-byte type; length 1 means an 8-byte length follows, 0 that the box runs to the end. The
# picture itself is a J2K codestream, in a 'jp2c' box or bare (a PDF may hold either).

JP2_SIGNATURE = b"\x00\x00\x00\x0cjP  \r\n\x87\n"
SOT, EOC, J2K_COM = 0xFF90, 0xFFD9, 0xFF64

# Top-level boxes a reader needs, as with JPEG segments an allow list: what a PDF viewer shows
# comes from the codestream, the header boxes and the JPX reader requirements. Dropped are
# 'xml ' (XMP, GeoJP2 GML), 'uuid' (vendor data: GeoTIFF keys, Photoshop, EXIF), 'uinf' with
# its URLs, 'jp2i' (intellectual property rights), labels, MPEG-7 and 'free' space, which
# often holds leftovers of an earlier version of the file.
_JP2_KEPT = frozenset({b"jP  ", b"ftyp", b"rreq", b"jp2h", b"jp2c", b"jpch", b"jplh"})
# Header superboxes (JP2 header, JPX codestream and compositing-layer headers) and the children
# of theirs that describe the picture; colour group 'cgrp' and resolution 'res ' stay whole.
_JP2_HEADERS = frozenset({b"jp2h", b"jpch", b"jplh"})
_JP2_HEADER_KEPT = frozenset(
    {b"ihdr", b"bpcc", b"colr", b"pclr", b"cmap", b"cdef", b"res ", b"cgrp", b"opct", b"creg"}
)


def strip_jpeg2000(data: bytes) -> bytes:
    """Return the JP2 file or J2K codestream without metadata boxes and comments."""
    if data[:2] == b"\xff\x4f":  # SOC: a bare codestream
        return _strip_codestream(data)
    if not data.startswith(JP2_SIGNATURE):
        raise JpegError("neither a JP2 file nor a JPEG 2000 codestream")
    out, codestreams = [], 0
    for kind, start, body, end in _boxes(data, 0, len(data)):
        if kind == b"ftbl":
            # A fragment table points at codestream pieces by file offset, which dropping any
            # box before them would break.
            raise JpegError("codestream in fragments")
        if kind not in _JP2_KEPT:
            continue
        if kind == b"jp2c":
            codestreams += 1
            new_body = _strip_codestream(data[body:end])
        elif kind in _JP2_HEADERS:
            new_body = b"".join(
                data[child_start:child_end]
                for child, child_start, _, child_end in _boxes(data, body, end)
                if child in _JP2_HEADER_KEPT
            )
        else:
            new_body = data[body:end]
        # An unchanged box keeps its own header, so a clean file comes out byte for byte.
        out.append(data[start:end] if new_body == data[body:end] else _box(kind, new_body))
    if not codestreams:
        raise JpegError("no codestream")
    return b"".join(out)


def _boxes(data: bytes, start: int, end: int) -> Iterator[tuple[bytes, int, int, int]]:
    """Yield each box between start and end as (type, start, body start, end)."""
    pos = start
    while pos < end:
        if pos + 8 > end:
            raise JpegError("box header cut off")
        length, header = int.from_bytes(data[pos : pos + 4], "big"), 8
        kind = data[pos + 4 : pos + 8]
        if length == 1:
            if pos + 16 > end:
                raise JpegError("box header cut off")
            length, header = int.from_bytes(data[pos + 8 : pos + 16], "big"), 16
        elif length == 0:
            length = end - pos
        if length < header or pos + length > end:
            raise JpegError(f"box {kind!r} has a bad length")
        yield kind, pos, pos + header, pos + length
        pos += length


def _box(kind: bytes, body: bytes) -> bytes:
    """Return a box of the given type around body, with an extended length only if needed."""
    length = 8 + len(body)
    if length <= 0xFFFFFFFF:
        return length.to_bytes(4, "big") + kind + body
    return b"\x00\x00\x00\x01" + kind + (length + 8).to_bytes(8, "big") + body


def _strip_codestream(data: bytes) -> bytes:
    """Return the J2K codestream without the comment (COM) segments of its main header."""
    # Only the main header, which ends at the first tile-part (SOT): a COM inside a tile-part
    # header is counted in that tile-part's length, so dropping it would mean rewriting lengths.
    if data[:4] != b"\xff\x4f\xff\x51":
        raise JpegError("codestream does not start with SOC and SIZ")
    out, pos, size = [data[:2]], 2, len(data)
    while True:
        if pos + 4 > size:
            raise JpegError("codestream main header cut off")
        marker = int.from_bytes(data[pos : pos + 2], "big")
        if marker == SOT:
            out.append(data[pos:])
            return b"".join(out)
        if marker < 0xFF30 or marker == EOC:
            raise JpegError(f"unexpected 0x{marker:04X} in the codestream main header")
        if marker <= 0xFF3F:
            # Reserved markers without parameters.
            out.append(data[pos : pos + 2])
            pos += 2
            continue
        end = pos + 2 + int.from_bytes(data[pos + 2 : pos + 4], "big")
        if end > size or end < pos + 4:
            raise JpegError(f"segment 0x{marker:04X} has a bad length")
        if marker != J2K_COM:
            out.append(data[pos:end])
        pos = end
