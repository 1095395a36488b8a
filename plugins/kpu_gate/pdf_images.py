"""Drop the metadata of a PDF's JPEG and JPEG 2000 pictures, image streams and inline images."""

import zlib
from collections.abc import Iterable

import pikepdf
from pikepdf import Array, ContentStreamInlineImage, Dictionary, Name, Stream

from kpu_gate.jpeg import JpegError, strip_jpeg, strip_jpeg2000

# Inline images cannot be JPEG 2000 (ISO 32000-2, 8.9.7), so only image streams need that walker.
_STRIPPERS = {Name.DCTDecode: strip_jpeg, Name.JPXDecode: strip_jpeg2000}
# PDF white space. qpdf hands an inline image's data over with the white space before EI.
_WHITESPACE = b"\0\t\n\f\r "


def strip_image_stream(stream: Stream) -> None:
    """Drop EXIF, XMP, comments and metadata boxes from a stream that is a JPEG or JPEG 2000."""
    strip = _STRIPPERS.get(_single_filter(stream))
    if strip is None:
        return
    raw = stream.read_raw_bytes()
    stripped = strip(raw)
    if stripped != raw:
        stream.write(stripped, filter=stream.Filter, decode_parms=stream.get("/DecodeParms"))


def content_streams(obj: Dictionary | Stream) -> list[Stream]:
    """Return the content streams obj is or holds, pages' contents aside: forms, glyphs."""
    # Forms include most annotation appearances; tiling patterns and Type 3 glyphs are drawn with
    # the same operators, inline images included (bitmap fonts are made of them).
    if isinstance(obj, Stream) and (
        obj.get("/Subtype") == Name.Form or obj.get("/PatternType") == 1
    ):
        return [obj]
    procs = obj.get("/CharProcs")
    if obj.get("/Subtype") == Name.Type3 and isinstance(procs, Dictionary):
        return [proc for proc in procs.values() if isinstance(proc, Stream)]
    appearances = obj.get("/AP")
    if isinstance(appearances, Dictionary):
        # Viewers draw an appearance stream even when it lacks /Subtype /Form.
        found = []
        for appearance in appearances.values():
            states = appearance.values() if isinstance(appearance, Dictionary) else [appearance]
            found.extend(state for state in states if isinstance(state, Stream))
        return found
    return []


def strip_inline_images(pdf: pikepdf.Pdf, streams: Iterable[Stream]) -> None:
    """Drop the metadata of inline JPEGs on the pages and in the given content streams."""
    # Content is rewritten only where an inline image changed: parsing and unparsing normalises
    # spacing, and every other content stream is better left byte for byte as the author wrote it.
    # It is parsed in a scratch PDF, whose warnings can be read without taking the document's,
    # which clean_pdf still needs.
    with pikepdf.new() as scratch:
        rewritten: dict[tuple, Stream | None] = {}
        for page in pdf.pages:
            contents = page.obj.get("/Contents")
            if isinstance(contents, Stream):
                _strip_stream(contents, scratch)
            elif isinstance(contents, Array):
                # The streams of an array are one content stream cut anywhere between tokens,
                # so they are parsed together; pages sharing the array share the result.
                parts = [part for part in contents if isinstance(part, Stream)]
                key = tuple(part.objgen for part in parts)
                if key not in rewritten:
                    joined = b"\n".join(part.read_bytes() for part in parts)
                    content = _stripped_content(joined, scratch)
                    rewritten[key] = None if content is None else _content_stream(pdf, content)
                if rewritten[key] is not None:
                    page.obj.Contents = rewritten[key]
        seen = set()
        for stream in streams:
            if stream.objgen not in seen:
                seen.add(stream.objgen)
                _strip_stream(stream, scratch)


def _single_filter(obj: Dictionary | Stream) -> Name | None:
    """Return the object's only filter, or None if it has none or several."""
    filters = obj.get("/Filter")
    if isinstance(filters, Array) and len(filters) == 1:
        filters = filters[0]
    return filters if isinstance(filters, Name) else None


def _strip_stream(stream: Stream, scratch: pikepdf.Pdf) -> None:
    """Rewrite the content stream if any of its inline JPEGs loses metadata."""
    content = _stripped_content(stream.read_bytes(), scratch)
    if content is not None:
        _write_content(stream, content)


def _content_stream(pdf: pikepdf.Pdf, content: bytes) -> Stream:
    """Return a new stream holding the content."""
    stream = pdf.make_stream(b"")
    _write_content(stream, content)
    return stream


def _write_content(stream: Stream, content: bytes) -> None:
    """Replace the stream's data with the content, compressed."""
    # Compressed here rather than left to qpdf, which would write the /Filter it adds after
    # /Length, and the same file cleaned again (keys then in order) would differ by that.
    stream.write(zlib.compress(content), filter=Name.FlateDecode)


def _stripped_content(content: bytes, scratch: pikepdf.Pdf) -> bytes | None:
    """Return the content with its inline JPEGs stripped, or None if none of them changed."""
    # Without the BI operator there is no inline image: a cheap test that spares parsing the
    # many content streams without any.
    if b"BI" not in content:
        return None
    instructions = _parse(content, scratch)
    changed = False
    for index, instruction in enumerate(instructions):
        if isinstance(instruction, ContentStreamInlineImage):
            stripped = _stripped_inline_image(instruction.iimage, scratch)
            if stripped is not None:
                instructions[index], changed = stripped, True
    return pikepdf.unparse_content_stream(instructions) if changed else None


def _parse(content: bytes, scratch: pikepdf.Pdf) -> list:
    """Return the content's instructions, refusing content whose inline images do not parse."""
    scratch.get_warnings()  # reading them empties the list
    try:
        instructions = pikepdf.parse_content_stream(Stream(scratch, content))
    except TypeError as error:  # an operator where an operand belongs, as in "[ BI ]"
        raise pikepdf.PdfError(str(error)) from None
    # An inline image without EI is left out of the instructions, data and all, and would go
    # out unstripped; a viewer that reads it anyway would show it.
    if any("inline image" in warning for warning in scratch.get_warnings()):
        raise pikepdf.PdfError("inline image without its end")
    return instructions


def _stripped_inline_image(
    image: pikepdf.PdfInlineImage, scratch: pikepdf.Pdf
) -> ContentStreamInlineImage | None:
    """Return the inline image with its JPEG stripped, or None if it is no JPEG or is clean."""
    if _single_filter(image.obj) != Name.DCTDecode:
        return None
    raw = image.read_raw_bytes()
    jpeg = strip_jpeg(raw)
    if raw.startswith(jpeg) and not raw[len(jpeg) :].strip(_WHITESPACE):
        return None
    # pikepdf can only make an inline image by parsing one, so the new one is written out and
    # read back; that it reads back whole also proves EI is still found where the data ends.
    entries = Dictionary(image.obj)
    if "/Length" in entries:
        entries.Length = len(jpeg)
    parsed = _parse(b"BI " + entries.unparse()[2:-2] + b" ID\n" + jpeg + b"\nEI", scratch)
    if not (
        len(parsed) == 1
        and isinstance(parsed[0], ContentStreamInlineImage)
        and parsed[0].iimage.read_raw_bytes() == jpeg + b"\n"
    ):
        raise JpegError("inline JPEG cannot be written back")
    return parsed[0]
