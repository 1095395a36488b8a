"""Drop metadata segments from a JPEG while keeping its compressed image data byte for byte."""

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
