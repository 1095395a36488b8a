"""Remove from a PDF what identifies people or leaks internal data, keeping what it shows."""

# pikepdf.sanitize is not used: it deliberately keeps metadata, annotations and the /ID, and it
# removes actions by a block list on known slots. Publishing needs the opposite: an allow list
# (plain web links and internal jumps) applied to every dictionary in the file.

import io
from collections.abc import Iterable, Iterator

import pikepdf
from pikepdf import Array, Dictionary, Name, Stream

from kpu_gate.jpeg import JpegError
from kpu_gate.pdf_images import content_streams, strip_image_stream, strip_inline_images

LOCKED = "PDF ini terkunci kata sandi. Ekspor ulang tanpa kata sandi, lalu lampirkan lagi."
BROKEN = "berkas ini bukan PDF yang utuh atau rusak. Ekspor ulang dokumennya sebagai PDF."
BAD_IMAGE = "ada gambar JPEG rusak di dalam PDF ini. Ganti gambarnya, lalu ekspor ulang PDF-nya."
SIGNED = (
    "PDF ini bertanda tangan elektronik: membersihkan metadatanya akan membatalkan tanda "
    "tangan itu, dan tanda tangan yang batal membuat dokumen tampak dipalsukan. Lampirkan "
    "salinan tanpa tanda tangan elektronik, atau tautkan dokumen bertanda tangan di JDIH "
    "dengan alamat https://."
)

# Removed from every dictionary and stream, wherever it sits: none of them changes what a page
# shows.
_DROPPED_KEYS = (
    "/Metadata",  # XMP: authors, editing tools, document history, on any object
    "/PieceInfo",  # private application data (Word, Illustrator), often the editable original
    "/LastModified",  # when that private data was last edited
    "/AA",  # additional actions: run on open, close, page view, field focus, keystroke
    "/OpenAction",
    "/AF",  # associated files
    "/EF",  # the embedded bytes of any file specification, however it is reached
    "/RF",  # related files of an embedded file
    "/OPI",  # prepress links to the original image files, with paths from the maker's computer
    "/Thumb",  # stored page thumbnails can show a page as it was before editing
)
# Catalog entries: document scripts, attachments, the portfolio view of them, web-capture source
# URLs, usage-rights signatures (broken by any rewrite, after which Acrobat warns).
_CATALOG_KEYS = ("/Collection", "/SpiderInfo", "/Perms", "/NeedsRendering")
_NAME_TREES = ("/JavaScript", "/EmbeddedFiles")

# Review comments and their pop-ups, attachments and sound clips go entirely: they are the
# discussion around the document, not the document. Other markup (highlights, stamps, ink,
# FreeText) is visible on the page, so it stays without who wrote it and when. Its /Contents is the
# reviewer's note shown on hover, except for FreeText, whose /Contents is the visible text.
# Non-markup annotations (Link, Widget) keep /T and /Contents: there they are a form field's name
# and a link's accessible description.
# Names, not str: str() of a hostile name with invalid UTF-8 would raise.
_REMOVED_ANNOTS = frozenset(map(Name, "/Text /Popup /FileAttachment /Sound".split()))
_MARKUP_ANNOTS = frozenset(
    map(
        Name,
        "/FreeText /Line /Square /Circle /Polygon /PolyLine /Highlight /Underline /Squiggly"
        " /StrikeOut /Stamp /Caret /Ink /Redact".split(),
    )
)
_MARKUP_PRIVATE = ("/T", "/RC", "/Subj", "/Popup", "/IRT", "/RT", "/NM", "/CreationDate", "/M")

# javascript:, file: and \\server links run code or leak the reader's login to a share.
_SAFE_URI_SCHEMES = (b"http://", b"https://", b"mailto:")


class PdfProblem(ValueError):
    """A PDF that cannot be published; the message (Bahasa Indonesia) says what to do."""


def clean_pdf(data: bytes) -> bytes:
    """Return the PDF's bytes without metadata, scripts, attachments or comment authors."""
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError:
        raise PdfProblem(LOCKED) from None
    except pikepdf.PdfError:
        raise PdfProblem(BROKEN) from None
    with pdf:
        if _is_signed(pdf):
            raise PdfProblem(SIGNED)
        try:
            _clean_document(pdf)
            out = io.BytesIO()
            # encryption=False writes an owner-password-only file out unlocked; deterministic_id
            # makes the /ID a hash of the content, so the same upload gives the same bytes.
            pdf.save(out, deterministic_id=True, encryption=False)
        except pikepdf.PdfError:
            raise PdfProblem(BROKEN) from None
        except JpegError:
            raise PdfProblem(BAD_IMAGE) from None
        # qpdf warns when it had to guess: a rebuilt cross-reference table, streams of the
        # wrong length. Many scanners write PDFs it must repair that way, and those are fine;
        # but a truncated upload also "recovers", with blank pages, so a repaired file that
        # does not end as a PDF ends (%%EOF) is treated as broken rather than published.
        if pdf.get_warnings() and (b"%%EOF" not in data[-1024:] or not len(pdf.pages)):
            raise PdfProblem(BROKEN)
    return out.getvalue()


def _is_signed(pdf: pikepdf.Pdf) -> bool:
    """Tell whether a form field of the document holds a digital signature."""
    acroform = pdf.Root.get("/AcroForm")
    fields = list(acroform.get("/Fields", [])) if isinstance(acroform, Dictionary) else []
    seen = set()
    while fields:
        field = fields.pop()
        if not isinstance(field, Dictionary) or field.objgen in seen:
            continue
        if field.objgen != (0, 0):
            seen.add(field.objgen)
        if field.get("/FT") == Name.Sig and "/V" in field:
            return True
        fields.extend(field.get("/Kids", []))
    return False


def _clean_document(pdf: pikepdf.Pdf) -> None:
    """Strip the document in place."""
    info = pdf.trailer.get("/Info")
    if isinstance(info, Dictionary):
        # Emptied rather than only unlinked: another object (a catalog entry, a stray reference
        # left by an editor) may point at the same dictionary and would be written out with it.
        _delete(info, list(info.keys()))
    # The original /ID ties the published file to the draft it came from; qpdf makes a new one.
    for key in ("/Info", "/ID"):
        if key in pdf.trailer:
            del pdf.trailer[key]
    _clean_catalog(pdf.Root)
    for page in pdf.pages:
        _drop_removed_annotations(page.obj)
    # Every object, not only what pages reach: an annotation left out of /Annots may still be
    # referenced from the structure tree or another annotation, and would be written out.
    drawn = []
    for obj in _dictionaries(pdf):
        _clean_dictionary(obj)
        if isinstance(obj, Stream):
            strip_image_stream(obj)
        drawn.extend(content_streams(obj))
    strip_inline_images(pdf, drawn)


def _clean_catalog(root: Dictionary) -> None:
    """Drop document-level scripts, attachments and form scripts from the catalog."""
    _delete(root, _CATALOG_KEYS)
    names = root.get("/Names")
    if isinstance(names, Dictionary):
        _delete(names, _NAME_TREES)
        if not names.keys():
            del root["/Names"]
    acroform = root.get("/AcroForm")
    if isinstance(acroform, Dictionary):
        # XFA is a second form description in XML that carries its own scripts; viewers then
        # show the ordinary AcroForm fields, which are also in the file.
        _delete(acroform, ("/XFA",))


def _drop_removed_annotations(page: Dictionary) -> None:
    """Remove review comments, pop-ups, attachments and sounds from the page's /Annots."""
    annots = page.get("/Annots")
    if not isinstance(annots, Array):
        return
    kept = [annot for annot in annots if not _is_removed_annotation(annot)]
    if len(kept) != len(annots):
        page["/Annots"] = Array(kept)


def _dictionaries(pdf: pikepdf.Pdf) -> Iterator[Dictionary | Stream]:
    """Yield every dictionary and stream in the file, direct ones nested in others included."""
    # Indirect objects all come from pdf.objects; direct ones are reached through their single
    # container, so nothing is visited twice. Children are read after the caller has cleaned the
    # yielded object, so deleted subtrees are not walked.
    stack = list(pdf.objects)
    while stack:
        obj = stack.pop()
        if isinstance(obj, (Dictionary, Stream)):
            yield obj
            children = list(obj.values())
        elif isinstance(obj, Array):
            children = list(obj)
        else:
            continue
        stack.extend(
            child
            for child in children
            if isinstance(child, (Dictionary, Stream, Array)) and not child.is_indirect
        )


def _clean_dictionary(obj: Dictionary | Stream) -> None:
    """Remove the private and active entries of one dictionary or stream."""
    _delete(obj, _DROPPED_KEYS)
    action = obj.get("/A")
    if _is_action(action):
        if _is_safe_action(action):
            # A chained action could hide a script behind a harmless-looking link.
            _delete(action, ("/Next",))
        else:
            del obj["/A"]
    if _is_annotation(obj):
        subtype = obj.get("/Subtype")
        if subtype in _REMOVED_ANNOTS:
            # Still referenced from somewhere (structure tree, a reply): leave an empty shell.
            _delete(obj, list(obj.keys()))
        elif subtype in _MARKUP_ANNOTS:
            _delete(obj, _MARKUP_PRIVATE)
            if subtype != Name.FreeText:
                _delete(obj, ("/Contents",))


def _is_action(obj: object) -> bool:
    """Say whether obj is an action dictionary (and not, say, a structure attribute /A)."""
    return isinstance(obj, Dictionary) and isinstance(obj.get("/S"), Name)


def _is_safe_action(action: Dictionary) -> bool:
    """Say whether the action only follows a web link or jumps inside the document."""
    kind = action.get("/S")
    if kind == Name.GoTo:
        return True
    uri = action.get("/URI")
    return (
        kind == Name.URI
        and isinstance(uri, pikepdf.String)
        and bytes(uri).lower().startswith(_SAFE_URI_SCHEMES)
    )


def _is_annotation(obj: object) -> bool:
    """Say whether obj is an annotation: every annotation has a /Subtype and a /Rect."""
    return isinstance(obj, Dictionary) and isinstance(obj.get("/Subtype"), Name) and "/Rect" in obj


def _is_removed_annotation(obj: object) -> bool:
    """Say whether obj is an annotation of a kind removed entirely."""
    return _is_annotation(obj) and obj.get("/Subtype") in _REMOVED_ANNOTS


def _delete(obj: Dictionary | Stream, keys: Iterable[str]) -> None:
    """Delete the keys obj has."""
    for key in keys:
        if key in obj:
            del obj[key]
