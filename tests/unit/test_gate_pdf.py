import functools
import io

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name, String
from PIL import Image, features

from kpu_gate.jpeg import JpegError, strip_jpeg, strip_jpeg2000
from kpu_gate.pdf import BAD_IMAGE, BROKEN, LOCKED, SIGNED, PdfProblem, clean_pdf
from tests.photos import GPS_IFD, camera_jpeg

NIP = "198001012005011001"
REVIEWER = "Budi Reviewer"
COMMENT = "komentar internal"
XMP_CREATOR = "Siti Penyusun"
ATTACHMENT = "rahasia-gaji.xlsx"
ATTACHMENT_BYTES = b"GAJI POKOK PEGAWAI 4.500.000"
SCRIPT = "app.alert('halo')"
SAFE_URI = "https://kpu.go.id/ppid"
PAGE_TEXTS = [
    b"BT /F1 12 Tf 72 720 Td (Pengumuman Daftar Pemilih Tetap) Tj ET",
    b"q 120 0 0 80 72 500 cm /Im0 Do Q",
    b"BT /F1 12 Tf 72 720 Td (Halaman dua) Tj ET",
]

# Everything planted by _hostile_pdf, each in a place clean_pdf has to reach.
PLANTED = [
    ("annotation author", REVIEWER.encode()),
    ("NIP in docinfo and JPEG comment", NIP.encode()),
    ("review comment", COMMENT.encode()),
    ("highlight note", b"catatan sorotan"),
    ("XMP dc:creator", XMP_CREATOR.encode()),
    ("docinfo Creator", b"Microsoft Word"),
    ("docinfo Producer", b"Mesin Internal"),
    ("page XMP", b"XmpHalaman"),
    ("image XMP", b"XmpGambar"),
    ("PieceInfo data", b"DataPribadi"),
    ("LastModified", b"LastModified"),
    ("script text", b"app.alert"),
    ("named script", b"this.print"),
    ("any JavaScript", b"JavaScript"),
    ("XFA script", b"xfa.host"),
    ("attachment name", ATTACHMENT.encode()),
    ("attachment bytes", ATTACHMENT_BYTES),
    ("attached comment file", b"lampiran-komentar"),
    ("embedded movie bytes", b"REKAMAN RAPAT"),
    ("launch target", b"gaji.xls"),
    ("remote go-to target", b"draf-internal"),
    ("javascript: URI", b"javascript:"),
    ("file: URI", b"anggaran.pdf"),
    ("prepress path", b"foto-asli.tif"),
    ("web capture source", b"intranet.kpu.local"),
    ("page thumbnail", b"GambarKecil"),
    ("JPEG EXIF", b"Exif\x00\x00"),
    ("JPEG EXIF camera make", b"KameraPonsel"),
    ("JPEG XMP GPS", b"GPSLatitude"),
    ("JPEG comment", b"lokasi rumah"),
    ("JPEG ICC profile", b"ICC_PROFILE"),
]
VARIANTS = {
    "plain": {},
    "object streams": {"object_stream_mode": pikepdf.ObjectStreamMode.generate},
    "owner password only": {"encryption": pikepdf.Encryption(owner="rahasia", user="")},
}


def _js(code):
    return Dictionary(S=Name.JavaScript, JS=String(code))


def _annot(pdf, subtype, **fields):
    return pdf.make_indirect(
        Dictionary(Type=Name.Annot, Subtype=Name(subtype), Rect=[72, 72, 144, 96], **fields)
    )


def _hostile_pdf(**save_options):
    """Return a PDF carrying every kind of private or active content clean_pdf removes."""
    pdf = pikepdf.new()
    for _ in range(2):
        pdf.add_blank_page(page_size=(595, 842))
    first, second = pdf.pages[0].obj, pdf.pages[1].obj
    first.Contents = Array([pdf.make_stream(PAGE_TEXTS[0]), pdf.make_stream(PAGE_TEXTS[1])])
    second.Contents = pdf.make_stream(PAGE_TEXTS[2])
    font = Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica)
    photo = camera_jpeg(width=120, height=80)
    image = pikepdf.Stream(
        pdf,
        photo,
        Type=Name.XObject,
        Subtype=Name.Image,
        Width=120,
        Height=80,
        ColorSpace=Name.DeviceRGB,
        BitsPerComponent=8,
        Filter=Name.DCTDecode,
        DecodeParms=Dictionary(ColorTransform=1),
        Metadata=pdf.make_stream(b"<x:xmpmeta>XmpGambar</x:xmpmeta>"),
        OPI=Dictionary(
            {"/2.0": Dictionary(Type=Name.OPI, F=String("C:/Users/budi/foto-asli.tif"))}
        ),
    )
    first.Resources = Dictionary(Font=Dictionary(F1=font), XObject=Dictionary(Im0=image))
    second.Resources = Dictionary(Font=Dictionary(F1=font))
    first.Metadata = pdf.make_stream(b"<x:xmpmeta>XmpHalaman</x:xmpmeta>")
    first.PieceInfo = Dictionary(
        MicrosoftWord=Dictionary(LastModified=String("D:20240101"), Private=String("DataPribadi"))
    )
    first.LastModified = String("D:20240101")
    first.AA = Dictionary(O=_js(SCRIPT))
    first.Thumb = pdf.make_stream(b"GambarKecil", Width=1, Height=1)

    popup = _annot(pdf, "/Popup", Open=False)
    comment = _annot(pdf, "/Text", T=String(REVIEWER), Contents=String(COMMENT), Popup=popup)
    popup.Parent = comment
    attached = pikepdf.AttachedFileSpec(pdf, b"isi", filename="lampiran-komentar.txt").obj
    movie = pikepdf.AttachedFileSpec(pdf, b"REKAMAN RAPAT", filename="rapat.mp4").obj
    field = _annot(
        pdf, "/Widget", FT=Name.Tx, T=String("nama_pemohon"), AA=Dictionary(K=_js(SCRIPT))
    )
    first.Annots = Array(
        [
            comment,
            popup,
            _annot(
                pdf,
                "/Highlight",
                T=String(REVIEWER),
                Contents=String("catatan sorotan"),
                Subj=String("Sorotan"),
                QuadPoints=[72, 96, 144, 96, 72, 72, 144, 72],
            ),
            _annot(pdf, "/FreeText", T=String(REVIEWER), Contents=String("Teks terlihat")),
            _annot(
                pdf,
                "/Link",
                Contents=String("Tautan PPID"),
                A=Dictionary(S=Name.URI, URI=String(SAFE_URI), Next=_js(SCRIPT)),
            ),
            _annot(pdf, "/Link", A=Dictionary(S=Name.GoTo, D=[second, Name.Fit])),
            _annot(pdf, "/Link", A=_js(SCRIPT)),
            _annot(pdf, "/Link", A=Dictionary(S=Name.Launch, F=String("C:/Users/budi/gaji.xls"))),
            _annot(pdf, "/Link", A=Dictionary(S=Name.GoToR, F=String("draf-internal.pdf"))),
            _annot(pdf, "/Link", A=Dictionary(S=Name.URI, URI=String("javascript:alert"))),
            _annot(pdf, "/Link", A=Dictionary(S=Name.URI, URI=String("file:///C:/anggaran.pdf"))),
            field,
            # A direct (not indirect) annotation dictionary, as some writers produce.
            Dictionary(
                Type=Name.Annot,
                Subtype=Name.FileAttachment,
                Rect=[0, 0, 10, 10],
                T=String(REVIEWER),
                FS=attached,
            ),
            # Embedded bytes reached neither through /EmbeddedFiles nor through an attachment.
            _annot(pdf, "/Movie", Movie=Dictionary(F=movie)),
        ]
    )
    pdf.Root.AcroForm = Dictionary(
        Fields=[field], XFA=pdf.make_stream(b"<script>xfa.host.messageBox(1)</script>")
    )
    # The removed comment is still reachable through the structure tree, as in tagged exports.
    pdf.Root.StructTreeRoot = Dictionary(
        Type=Name.StructTreeRoot,
        K=[Dictionary(S=Name.Annot, K=Dictionary(Type=Name.OBJR, Obj=comment, Pg=first))],
    )

    scripts = pikepdf.NameTree.new(pdf)
    scripts["init"] = pdf.make_indirect(_js("this.print()"))
    pdf.Root.Names = Dictionary(JavaScript=scripts.obj)
    pdf.Root.OpenAction = _js(SCRIPT)
    pdf.Root.Collection = Dictionary(Type=Name.Collection)
    pdf.Root.SpiderInfo = Dictionary(V=1.0, C=[Dictionary(URL=String("http://intranet.kpu.local"))])
    pdf.Root.Perms = Dictionary(UR3=Dictionary(Type=Name.Sig))
    pdf.Root.NeedsRendering = True
    pdf.attachments[ATTACHMENT] = pikepdf.AttachedFileSpec(
        pdf, ATTACHMENT_BYTES, filename=ATTACHMENT
    )
    pdf.Root.AF = Array([pdf.attachments[ATTACHMENT].obj])

    pdf.docinfo["/Author"] = f"{XMP_CREATOR} NIP {NIP}"
    pdf.docinfo["/Creator"] = "Microsoft Word"
    pdf.docinfo["/Producer"] = "Mesin Internal"
    pdf.docinfo["/NIP"] = NIP
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta["dc:creator"] = [XMP_CREATOR]
        meta["dc:title"] = "Draf pengumuman"
    out = io.BytesIO()
    pdf.save(out, **save_options)
    return out.getvalue()


def _dump(data):
    """Return the PDF with every stream decompressed (JPEGs stay as they are) for searching."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        out = io.BytesIO()
        pdf.save(
            out,
            qdf=True,
            compress_streams=False,
            stream_decode_level=pikepdf.StreamDecodeLevel.generalized,
            object_stream_mode=pikepdf.ObjectStreamMode.disable,
            encryption=False,
        )
        return out.getvalue()


@functools.cache
def _case(variant):
    hostile = _hostile_pdf(**VARIANTS[variant])
    cleaned = clean_pdf(hostile)
    return hostile, cleaned, _dump(hostile), _dump(cleaned)


def _open(data):
    return pikepdf.open(io.BytesIO(data))


def _contents(page):
    contents = page.obj.Contents
    streams = contents if isinstance(contents, Array) else [contents]
    return [stream.read_bytes() for stream in streams]


def _all_dictionaries(pdf):
    stack = [pdf.trailer, *pdf.objects]
    while stack:
        obj = stack.pop()
        if isinstance(obj, (Dictionary, pikepdf.Stream)):
            yield obj
            children = obj.values()
        elif isinstance(obj, Array):
            children = obj
        else:
            continue
        stack.extend(c for c in children if isinstance(c, pikepdf.Object) and not c.is_indirect)


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(("label", "planted"), PLANTED, ids=[label for label, _ in PLANTED])
def test_planted_data_is_gone_from_the_decompressed_output(variant, label, planted):
    _, _, hostile_dump, cleaned_dump = _case(variant)
    assert planted in hostile_dump, f"the test PDF should carry the {label}"
    assert planted not in cleaned_dump


FORBIDDEN_KEYS = {
    "/Info",
    "/Metadata",
    "/PieceInfo",
    "/LastModified",
    "/AA",
    "/OpenAction",
    "/AF",
    "/EF",
    "/JS",
    "/XFA",
    "/EmbeddedFiles",
    "/JavaScript",
    "/Next",
    "/OPI",
    "/Thumb",
    "/Collection",
    "/SpiderInfo",
    "/Perms",
    "/NeedsRendering",
}


@pytest.mark.parametrize("variant", VARIANTS)
def test_no_object_keeps_a_private_or_active_entry(variant):
    hostile, cleaned, _, _ = _case(variant)
    for data, expected in ((hostile, FORBIDDEN_KEYS), (cleaned, set())):
        with _open(data) as pdf:
            keys = {key for obj in _all_dictionaries(pdf) for key in obj.keys()}
            assert keys & FORBIDDEN_KEYS == expected
            assert (len(pdf.attachments) == 0) == (data is cleaned)


@pytest.mark.parametrize("variant", VARIANTS)
def test_pages_and_their_content_streams_are_unchanged(variant):
    hostile, cleaned, _, _ = _case(variant)
    with _open(hostile) as before, _open(cleaned) as after:
        assert len(after.pages) == len(before.pages) == 2
        for old, new in zip(before.pages, after.pages, strict=True):
            assert _contents(new) == _contents(old)
            assert list(new.mediabox) == list(old.mediabox)
        assert _contents(after.pages[0]) == PAGE_TEXTS[:2]


def test_owner_password_only_comes_out_unencrypted():
    hostile, cleaned, _, _ = _case("owner password only")
    with _open(hostile) as before, _open(cleaned) as after:
        assert before.is_encrypted and not after.is_encrypted


def _annotations(data):
    with _open(data) as pdf:
        return [
            (str(annot.Subtype), {key: annot[key] for key in annot.keys() if key != "/P"})
            for annot in pdf.pages[0].Annots
        ]


def test_comments_go_and_visible_markup_stays_without_its_author():
    annots = _annotations(_case("plain")[1])
    subtypes = [subtype for subtype, _ in annots]
    assert subtypes == ["/Highlight", "/FreeText", *["/Link"] * 7, "/Widget", "/Movie"]
    highlight, free_text = annots[0][1], annots[1][1]
    assert {"/T", "/Contents", "/Subj"}.isdisjoint(highlight) and "/QuadPoints" in highlight
    assert "/T" not in free_text and str(free_text["/Contents"]) == "Teks terlihat"


def test_form_field_keeps_its_name_but_not_its_script():
    widget = dict(_annotations(_case("plain")[1]))["/Widget"]
    assert str(widget["/T"]) == "nama_pemohon" and "/AA" not in widget
    with _open(_case("plain")[1]) as pdf:
        assert str(pdf.Root.AcroForm.Fields[0].T) == "nama_pemohon"


def test_web_links_and_internal_jumps_survive_other_actions_do_not():
    with _open(_case("plain")[1]) as pdf:
        web, jump, *others = [a for a in pdf.pages[0].Annots if a.Subtype == Name.Link]
        assert str(web.A.URI) == SAFE_URI and str(web.Contents) == "Tautan PPID"
        assert web.A.S == Name.URI and "/Next" not in web.A
        assert jump.A.S == Name.GoTo and jump.A.D[0].objgen == pdf.pages[1].obj.objgen
        assert [("/A" in link) for link in others] == [False] * 5


def test_removed_comment_left_in_the_structure_tree_is_an_empty_shell():
    with _open(_case("plain")[1]) as pdf:
        shell = pdf.Root.StructTreeRoot.K[0].K.Obj
        assert shell.keys() == set()


def test_photo_in_the_pdf_loses_exif_but_not_a_pixel():
    hostile, cleaned, _, _ = _case("plain")
    with _open(hostile) as before, _open(cleaned) as after:
        old = before.pages[0].Resources.XObject.Im0.read_raw_bytes()
        image = after.pages[0].Resources.XObject.Im0
        new = image.read_raw_bytes()
        assert image.Filter == Name.DCTDecode and "/Metadata" not in image
        assert image.DecodeParms.ColorTransform == 1
    assert Image.open(io.BytesIO(old)).getexif().get_ifd(GPS_IFD)
    decoded = Image.open(io.BytesIO(new))
    assert not decoded.getexif() and "comment" not in decoded.info and "xmp" not in decoded.info
    assert decoded.size == (120, 80)
    assert decoded.tobytes() == Image.open(io.BytesIO(old)).tobytes()
    assert len(new) < len(old)


@pytest.mark.parametrize("variant", VARIANTS)
def test_output_is_deterministic_and_cleaning_twice_changes_nothing(variant):
    hostile, cleaned, _, _ = _case(variant)
    assert clean_pdf(hostile) == cleaned
    assert clean_pdf(cleaned) == cleaned


def test_document_id_is_new_and_no_docinfo_is_written():
    hostile, cleaned, _, _ = _case("plain")
    with _open(hostile) as before, _open(cleaned) as after:
        assert "/Info" not in after.trailer and "/Metadata" not in after.Root
        assert bytes(after.trailer.ID[0]) != bytes(before.trailer.ID[0])


def test_document_id_is_a_hash_of_the_content_not_of_the_clock():
    # Two calls in the same second agree even with a clock-based /ID, so compare with the /ID
    # qpdf derives from the content alone.
    cleaned = _case("plain")[1]
    with _open(cleaned) as pdf:
        del pdf.trailer["/ID"]
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
    assert out.getvalue() == cleaned


def test_password_protected_pdf_is_refused():
    locked = _hostile_pdf(encryption=pikepdf.Encryption(owner="rahasia", user="buka"))
    with pytest.raises(PdfProblem) as problem:
        clean_pdf(locked)
    assert str(problem.value) == LOCKED
    assert isinstance(problem.value, ValueError)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"bukan pdf sama sekali",
        b"%PDF-1.7\n",
        bytes(range(256)) * 8,
        camera_jpeg(width=16, height=16),
    ],
    ids=["empty", "text", "header only", "noise", "jpeg"],
)
def test_garbage_is_refused(data):
    with pytest.raises(PdfProblem, match="^berkas ini bukan PDF"):
        clean_pdf(data)


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.98], ids=["half", "most", "cut in the xref"])
def test_truncated_pdf_is_refused_not_repaired(keep):
    # qpdf opens all three by rebuilding the cross-references; the first loses its page content.
    hostile = _case("plain")[0]
    with pytest.raises(PdfProblem) as problem:
        clean_pdf(hostile[: int(len(hostile) * keep)])
    assert str(problem.value) == BROKEN


# What cheap scanners and generators write: no cross-reference table. qpdf rebuilds it with a
# warning; the file is whole (it ends with %%EOF), so it is cleaned and published.
SCANNER_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]"
    b"/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"4 0 obj<</Author(Budi Santoso)/Creator(Scanner X)>>endobj\n"
    b"trailer<</Root 1 0 R/Info 4 0 R>>\n%%EOF\n"
)


def test_a_whole_pdf_without_cross_reference_table_is_repaired_and_cleaned():
    cleaned = clean_pdf(SCANNER_PDF)
    assert b"Budi" not in _dump(cleaned) and b"Scanner" not in _dump(cleaned)
    with _open(cleaned) as pdf:
        assert len(pdf.pages) == 1


def test_a_digitally_signed_pdf_is_refused_rather_than_broken():
    pdf = pikepdf.new()
    pdf.add_blank_page()
    signature = pdf.make_indirect(
        Dictionary(Type=Name.Sig, Filter=Name("/Adobe.PPKLite"), Contents=String(b"\0" * 32))
    )
    field = pdf.make_indirect(
        Dictionary(FT=Name.Sig, T=String("Tanda tangan"), V=signature, Rect=Array([0, 0, 0, 0]))
    )
    pdf.Root.AcroForm = Dictionary(Fields=Array([field]), SigFlags=3)
    buffer = io.BytesIO()
    pdf.save(buffer)
    with pytest.raises(PdfProblem) as problem:
        clean_pdf(buffer.getvalue())
    assert str(problem.value) == SIGNED


def test_broken_jpeg_inside_the_pdf_is_refused():
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.pages[0].Resources = Dictionary(
        XObject=Dictionary(Im0=pikepdf.Stream(pdf, b"bukan jpeg", Filter=Name.DCTDecode))
    )
    out = io.BytesIO()
    pdf.save(out)
    with pytest.raises(PdfProblem) as problem:
        clean_pdf(out.getvalue())
    assert str(problem.value) == BAD_IMAGE


# The JPEG walker on its own, first on hand-made marker sequences.


def _segment(marker, payload=b""):
    return b"\xff" + bytes([marker]) + (len(payload) + 2).to_bytes(2, "big") + payload


SOI, EOI = b"\xff\xd8", b"\xff\xd9"
JFIF = _segment(0xE0, b"JFIF\x00\x01\x02\x00\x00\x48\x00\x48\x00\x00")
DQT = _segment(0xDB, b"\x00" + bytes(64))
SOF0 = _segment(0xC0, b"\x08\x00\x10\x00\x10\x01\x01\x11\x00")
DHT = _segment(0xC4, b"\x00" + bytes(16))
DRI = _segment(0xDD, b"\x00\x04")
SOS = _segment(0xDA, b"\x01\x01\x00\x00\x3f\x00")
# Entropy-coded data with an escaped 0xFF (0xFF00) followed by bytes that look like an APP1
# header, and a restart marker: all of it must pass through untouched.
SCAN = b"\x12\xff\x00\xff\x00\xe1\x00\x10\x34\xff\xd0\x56"
EXIF = _segment(0xE1, b"Exif\x00\x00GPS 198001012005011001")
HEADER = JFIF + DQT + SOF0 + DHT
ADOBE = _segment(0xEE, b"Adobe\x00\x64\x00\x00\x00\x00\x01")


@pytest.mark.parametrize(
    ("jpeg", "expected"),
    [
        (SOI + HEADER + SOS + SCAN + EOI, SOI + HEADER + SOS + SCAN + EOI),
        (SOI + EXIF + HEADER + SOS + SCAN + EOI, SOI + HEADER + SOS + SCAN + EOI),
        (
            SOI
            + _segment(0xFE, b"komentar")
            + _segment(0xE2, b"ICC_PROFILE\x00")
            + _segment(0xED, b"Photoshop 3.0\x00")
            + _segment(0xEF, b"x")
            + _segment(0xEE, b"Other")
            + ADOBE
            + HEADER
            + DRI
            + SOS
            + SCAN
            + EOI,
            SOI + ADOBE + HEADER + DRI + SOS + SCAN + EOI,
        ),
        (
            SOI
            + _segment(0xE0, b"JFIF\x00\x01\x02\x00\x00\x48\x00\x48\x02\x01" + bytes(6))
            + SOS
            + EOI,
            SOI + JFIF + SOS + EOI,
        ),
        (
            SOI + JFIF + _segment(0xE0, b"JFXX\x00\x10" + bytes(20)) + HEADER[len(JFIF) :] + SOS,
            SOI + HEADER + SOS,
        ),
        (
            SOI + HEADER + SOS + SCAN + EXIF + DHT + SOS + SCAN + EOI,
            SOI + HEADER + SOS + SCAN + DHT + SOS + SCAN + EOI,
        ),
        (
            SOI + HEADER + SOS + SCAN + EOI + SOI + EXIF + HEADER + SOS + SCAN + EOI,
            SOI + HEADER + SOS + SCAN + EOI,
        ),
        (
            SOI + HEADER + SOS + SCAN + b"\xff\xff" + EOI,
            SOI + HEADER + SOS + SCAN + b"\xff\xff" + EOI,
        ),
        (SOI + b"\x00\x00" + EXIF + b"\xff" + HEADER + SOS + SCAN, SOI + HEADER + SOS + SCAN),
    ],
    ids=[
        "nothing to drop",
        "EXIF",
        "comment ICC Photoshop APP15 and foreign APP14; Adobe and DRI kept",
        "JFIF thumbnail",
        "JFXX thumbnail extension",
        "EXIF between scans",
        "second picture after EOI",
        "fill bytes in the scan",
        "stray bytes, fill and no EOI",
    ],
)
def test_jpeg_walker_drops_only_metadata_segments(jpeg, expected):
    assert strip_jpeg(jpeg) == expected
    assert strip_jpeg(expected) == expected


@pytest.mark.parametrize(
    "jpeg",
    [
        b"",
        b"\x89PNG\r\n\x1a\n",
        SOI + b"\xff\xe1\x00",
        SOI + b"\xff\xe1\xff\xff" + b"x" * 10,
        SOI + b"\xff\xe1\x00\x00" + HEADER + SOS + SCAN + EOI,
        SOI + HEADER,
        SOI + HEADER + b"\x00\x00",
    ],
    ids=[
        "empty",
        "png",
        "header cut off",
        "length past the end",
        "length too small",
        "no scan",
        "garbage at the end",
    ],
)
def test_jpeg_walker_refuses_what_it_cannot_walk(jpeg):
    with pytest.raises(JpegError):
        strip_jpeg(jpeg)


def _pillow_jpeg(mode, **options):
    # A gradient, so that every block has detail a lossy re-encode would change.
    bands = [
        Image.linear_gradient("L").resize((64, 48)).rotate(90 * band) for band in range(len(mode))
    ]
    image = Image.merge(mode, bands)
    exif = Image.Exif()
    exif.get_ifd(GPS_IFD)[1] = "S"
    exif.get_ifd(GPS_IFD)[2] = (7.0, 19.0, 30.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, comment=NIP.encode(), xmp=b"<x>Budi</x>", **options)
    return out.getvalue()


@pytest.mark.parametrize(
    ("mode", "options"),
    [
        ("RGB", {}),
        ("RGB", {"progressive": True}),
        ("RGB", {"restart_marker_blocks": 2}),
        ("L", {}),
        ("CMYK", {}),
    ],
    ids=["baseline", "progressive", "restart markers", "grey", "CMYK"],
)
def test_real_jpegs_decode_to_the_same_pixels_without_metadata(mode, options):
    original = _pillow_jpeg(mode, **options)
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)
    stripped = strip_jpeg(original)
    decoded = Image.open(io.BytesIO(stripped))
    assert (decoded.mode, decoded.size) == (mode, (64, 48))
    assert decoded.tobytes() == Image.open(io.BytesIO(original)).tobytes()
    assert b"Exif\x00\x00" not in stripped and NIP.encode() not in stripped
    assert b"Budi" not in stripped and strip_jpeg(stripped) == stripped
    # CMYK needs the Adobe segment: it tells the decoder how the channels are stored.
    assert (b"Adobe" in stripped) == (mode == "CMYK")


def test_camera_photo_loses_gps_icc_and_comment():
    original = camera_jpeg(width=80, height=60)
    stripped = strip_jpeg(original)
    decoded = Image.open(io.BytesIO(stripped))
    assert not decoded.getexif() and not {"icc_profile", "comment", "xmp"} & set(decoded.info)
    assert decoded.tobytes() == Image.open(io.BytesIO(original)).tobytes()


# The document information dictionary, reached from elsewhere than the trailer.


def test_docinfo_referenced_from_the_catalog_too_is_emptied():
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.docinfo["/Author"] = f"{XMP_CREATOR} NIP {NIP}"
    pdf.Root.Extra = pdf.trailer.Info
    assert pdf.Root.Extra.is_indirect
    out = io.BytesIO()
    pdf.save(out)
    hostile = out.getvalue()
    cleaned = clean_pdf(hostile)
    assert NIP.encode() in _dump(hostile) and NIP.encode() not in _dump(cleaned)
    with _open(cleaned) as after:
        assert "/Info" not in after.trailer and len(after.pages) == 1
        assert after.Root.Extra.keys() == set()


# Inline images: a JPEG written into the content stream itself (BI ... ID <data> EI).

INLINE_PLANTED = [b"Exif\x00\x00", b"KameraPonsel", b"GPSLatitude", b"lokasi rumah", b"ICC_PROFILE"]
INLINE_JPEG = camera_jpeg(width=16, height=8)
TEXT = b"BT /F1 12 Tf 72 720 Td (Pengumuman) Tj ET"


def _inline(jpeg=INLINE_JPEG, entries=b"/W 16 /H 8 /CS /RGB /BPC 8 /F /DCT"):
    return b"q 16 0 0 8 72 72 cm BI " + entries + b" ID " + jpeg + b"\nEI Q"


def _inline_pdf(where, drawing=None):
    """Return a PDF whose page draws the inline image from where it is put."""
    drawing = _inline() if drawing is None else drawing
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[0].obj
    font = Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica)
    page.Resources = Dictionary(Font=Dictionary(F1=font))
    content = drawing
    if where == "content array":
        head, tail = drawing.split(b" BI ")
        page.Contents = Array([pdf.make_stream(TEXT + b" " + head), pdf.make_stream(b"BI " + tail)])
        content = None
    elif where == "form":
        form = pdf.make_stream(drawing, Type=Name.XObject, Subtype=Name.Form, BBox=[0, 0, 595, 842])
        page.Resources.XObject = Dictionary(Fm0=form)
        content = b"/Fm0 Do"
    elif where == "appearance without /Subtype":
        appearance = pdf.make_stream(drawing, BBox=[0, 0, 595, 842])
        page.Annots = Array([_annot(pdf, "/Stamp", AP=Dictionary(N=appearance))])
        content = b""
    elif where == "tiling pattern":
        pattern = pdf.make_stream(
            drawing,
            PatternType=1,
            PaintType=1,
            TilingType=1,
            BBox=[0, 0, 200, 200],
            XStep=200,
            YStep=200,
            Resources=Dictionary(),
        )
        page.Resources.Pattern = Dictionary(P0=pattern)
        content = b"/Pattern cs /P0 scn 0 0 595 842 re f"
    elif where == "Type 3 glyph":
        # A coloured glyph (d0) may draw a colour image; the font is a direct dictionary.
        glyph = pdf.make_stream(b"1000 0 d0 " + drawing)
        page.Resources.Font.T3 = Dictionary(
            Type=Name.Font,
            Subtype=Name.Type3,
            FontBBox=[0, 0, 1000, 1000],
            FontMatrix=[0.001, 0, 0, 0.001, 0, 0],
            CharProcs=Dictionary(g=glyph),
            Encoding=Dictionary(Differences=[0, Name.g]),
            FirstChar=0,
            LastChar=0,
            Widths=[1000],
            Resources=Dictionary(),
        )
        content = b"BT /T3 12 Tf 72 72 Td <00> Tj ET"
    if content is not None:
        page.Contents = pdf.make_stream(TEXT + b" " + content)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _drawings(pdf):
    """Yield the page and every content stream its resources draw."""
    page = pdf.pages[0]
    yield page
    resources = page.Resources
    yield from resources.get("/XObject", {}).values()
    yield from resources.get("/Pattern", {}).values()
    yield from (annot.AP.N for annot in page.get("/Annots", []))
    for font in resources.Font.values():
        if font.Subtype == Name.Type3:
            yield from font.CharProcs.values()


def _instructions(data):
    """Return what each content stream draws, an inline image as its entries and pixels."""
    drawn = []
    with _open(data) as pdf:
        for drawing in _drawings(pdf):
            for instruction in pikepdf.parse_content_stream(drawing):
                if isinstance(instruction, pikepdf.ContentStreamInlineImage):
                    image = instruction.iimage
                    entries = Dictionary(image.obj)
                    if "/Length" in entries:
                        del entries.Length
                    pixels = Image.open(io.BytesIO(image.read_raw_bytes())).tobytes()
                    drawn.append(("INLINE IMAGE", entries.unparse(), pixels))
                else:
                    drawn.append(pikepdf.unparse_content_stream([instruction]))
        return len(pdf.pages), drawn


def _raw_contents(pdf):
    page, *others = _drawings(pdf)
    return _contents(page) + [stream.read_bytes() for stream in others]


def _inline_data(data):
    with _open(data) as pdf:
        return [
            instruction.iimage
            for drawing in _drawings(pdf)
            for instruction in pikepdf.parse_content_stream(drawing)
            if isinstance(instruction, pikepdf.ContentStreamInlineImage)
        ]


INLINE_PLACES = [
    "page",
    "content array",
    "form",
    "appearance without /Subtype",
    "tiling pattern",
    "Type 3 glyph",
]
INLINE_SPELLINGS = {
    "abbreviated": b"/W 16 /H 8 /CS /RGB /BPC 8 /F /DCT",
    "full names": b"/Width 16 /Height 8 /ColorSpace /DeviceRGB /BitsPerComponent 8"
    b" /Filter /DCTDecode",
    "filter array, parameters, length": b"/W 16 /H 8 /CS /RGB /BPC 8 /F [/DCT]"
    b" /DP [<< /ColorTransform 1 >>] /L %d" % len(INLINE_JPEG),
}


@pytest.mark.parametrize("spelling", INLINE_SPELLINGS)
@pytest.mark.parametrize("where", INLINE_PLACES)
def test_inline_jpeg_loses_its_metadata_but_draws_the_same(where, spelling):
    hostile = _inline_pdf(where, _inline(entries=INLINE_SPELLINGS[spelling]))
    cleaned = clean_pdf(hostile)
    hostile_dump, cleaned_dump = _dump(hostile), _dump(cleaned)
    for planted in INLINE_PLANTED:
        assert planted in hostile_dump and planted not in cleaned_dump
    assert _instructions(cleaned) == _instructions(hostile)
    [image] = _inline_data(cleaned)
    assert image.read_raw_bytes() == strip_jpeg(INLINE_JPEG) + b"\n"
    if "/Length" in image.obj:
        assert image.obj.Length == len(strip_jpeg(INLINE_JPEG))
    assert clean_pdf(hostile) == cleaned and clean_pdf(cleaned) == cleaned


@pytest.mark.parametrize(
    "drawing",
    [
        _inline(strip_jpeg(INLINE_JPEG)),
        b"q 2 0 0 1 72 72 cm BI /W 2 /H 1 /CS /G /BPC 8 ID \x10\x80\nEI Q",
        b"q 2 0 0 1 72 72 cm BI /W 2 /H 1 /CS /G /BPC 8 /F /AHx ID 1080>\nEI Q",
        b"BT /F1 12 Tf 72 72 Td (BIAYA PEMILU) Tj ET",
    ],
    ids=["clean JPEG", "uncompressed", "hexadecimal", "text that spells BI"],
)
@pytest.mark.parametrize("where", ["page", "form"])
def test_content_without_metadata_in_inline_images_is_kept_byte_for_byte(where, drawing):
    hostile = _inline_pdf(where, drawing)
    cleaned = clean_pdf(hostile)
    with _open(hostile) as before, _open(cleaned) as after:
        assert _raw_contents(after) == _raw_contents(before)


def test_pages_sharing_a_content_array_share_the_rewritten_content():
    with _open(_inline_pdf("content array")) as pdf:
        pdf.pages.append(pdf.pages[0])
        pdf.pages[1].obj.Contents = pdf.pages[0].obj.Contents
        out = io.BytesIO()
        pdf.save(out)
    with _open(clean_pdf(out.getvalue())) as cleaned:
        first, second = (page.obj.Contents for page in cleaned.pages)
        assert first.objgen == second.objgen and b"KameraPonsel" not in first.read_bytes()


def test_broken_inline_jpeg_is_refused():
    hostile = _inline_pdf("page", b"BI /W 1 /H 1 /CS /G /BPC 8 /F /DCT ID bukan jpeg\nEI")
    with pytest.raises(PdfProblem) as problem:
        clean_pdf(hostile)
    assert str(problem.value) == BAD_IMAGE


@pytest.mark.parametrize(
    "drawing",
    [_inline().removesuffix(b"\nEI Q"), _inline().replace(b"\nEI Q", b" EIQ"), b"[ BI ] ID"],
    ids=["no EI", "EI run into the next operator", "BI inside an array"],
)
def test_content_whose_inline_images_do_not_parse_is_refused(drawing):
    # qpdf leaves an unterminated inline image out of what it parses: its EXIF would stay.
    with pytest.raises(PdfProblem) as problem:
        clean_pdf(_inline_pdf("page", drawing))
    assert str(problem.value) == BROKEN


# JPEG 2000 (/JPXDecode): JP2 boxes around a J2K codestream, or the codestream alone.


def _box(kind, body, length=None):
    size = 8 + len(body) if length is None else length
    return size.to_bytes(4, "big") + kind + body


def _j2k_segment(marker, payload):
    return marker.to_bytes(2, "big") + (len(payload) + 2).to_bytes(2, "big") + payload


# A tiny hand-made codestream (SOC, SIZ, COD, one tile-part whose data holds bytes that look like
# a comment marker): enough for the walker, not for a decoder.
SOC_SIZ = b"\xff\x4f" + _j2k_segment(0xFF51, bytes(38))
J2K_COMMENT = _j2k_segment(0xFF64, b"\x00\x01Kakadu " + NIP.encode())
COD = _j2k_segment(0xFF52, bytes(10))
TILE = _j2k_segment(0xFF90, bytes(8)) + b"\xff\x93" + b"\xff\x64\x00\x05abc" + b"\xff\xd9"
J2K = SOC_SIZ + COD + TILE


def _codestream():
    """Return a J2K codestream with a comment planted: Pillow's lossless one if it can write it."""
    data = J2K
    if features.check("jpg_2000"):
        bands = [Image.linear_gradient("L").resize((16, 8)).rotate(90 * n) for n in range(3)]
        out = io.BytesIO()
        Image.merge("RGB", bands).save(out, "JPEG2000", no_jp2=True)
        data = out.getvalue()
    siz_end = 4 + int.from_bytes(data[4:6], "big")
    comment = _j2k_segment(0xFF64, b"\x00\x01KomentarKodestream " + NIP.encode())
    return data[:siz_end] + comment + data[siz_end:]


SIGNATURE = _box(b"jP  ", b"\r\n\x87\n")
FTYP = _box(b"ftyp", b"jp2 \x00\x00\x00\x00jp2 ")
IHDR = _box(b"ihdr", (8).to_bytes(4, "big") + (16).to_bytes(4, "big") + b"\x00\x03\x07\x07\x00\x00")
COLR = _box(b"colr", b"\x01\x00\x00\x00\x00\x00\x10")  # enumerated sRGB
RES = _box(b"res ", _box(b"resc", b"\x00\x48\x00\x01\x00\x48\x00\x01\x00\x00"))
JP2_METADATA = [
    _box(b"xml ", b"<x:xmpmeta>XmpJp2 GPSLatitude 7,19.5S</x:xmpmeta>"),
    _box(b"uuid", bytes(range(16)) + b"GeoJP2Vendor"),
    _box(
        b"uinf",
        _box(b"ulst", b"\x00\x01" + bytes(range(16)))
        + _box(b"url ", b"\x00\x00\x00\x00http://intranet.kpu.local/peta\x00"),
    ),
    _box(b"jp2i", b"HakCiptaInternal"),
    _box(b"free", b"SisaVersiLama"),
]
JP2_PLANTED = [
    b"XmpJp2",
    b"GeoJP2Vendor",
    b"intranet.kpu.local",
    b"HakCiptaInternal",
    b"SisaVersiLama",
    b"DalamHeader",
    b"KomentarKodestream",
    NIP.encode(),
]


def _jp2(codestream, open_ended=False, extended=False):
    header = IHDR + COLR + RES + _box(b"uuid", bytes(16) + b"DalamHeader")
    jp2h = _box(b"jp2h", header)
    if extended:
        jp2h = b"\x00\x00\x00\x01jp2h" + (16 + len(header)).to_bytes(8, "big") + header
    jp2c = _box(b"jp2c", codestream, length=0 if open_ended else None)
    return SIGNATURE + FTYP + JP2_METADATA[0] + jp2h + b"".join(JP2_METADATA[1:]) + jp2c


JPX_IMAGES = {
    "JP2": lambda: _jp2(_codestream()),
    "JP2 with extended and open-ended boxes": lambda: _jp2(
        _codestream(), open_ended=True, extended=True
    ),
    "bare codestream": _codestream,
}


def _jpx_pdf(jpx):
    pdf = pikepdf.new()
    pdf.add_blank_page()
    image = pikepdf.Stream(
        pdf, jpx, Type=Name.XObject, Subtype=Name.Image, Width=16, Height=8, Filter=Name.JPXDecode
    )
    pdf.pages[0].Resources = Dictionary(XObject=Dictionary(Im0=image))
    pdf.pages[0].Contents = pdf.make_stream(b"q 160 0 0 80 72 500 cm /Im0 Do Q")
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _jpx_stream(data):
    with _open(data) as pdf:
        image = pdf.pages[0].Resources.XObject.Im0
        return image.Filter, image.read_raw_bytes()


@pytest.mark.parametrize("kind", JPX_IMAGES)
def test_jpeg2000_image_loses_metadata_boxes_and_comments_but_not_a_pixel(kind):
    jpx = JPX_IMAGES[kind]()
    hostile = _jpx_pdf(jpx)
    cleaned = clean_pdf(hostile)
    hostile_dump, cleaned_dump = _dump(hostile), _dump(cleaned)
    for planted in JP2_PLANTED if kind != "bare codestream" else JP2_PLANTED[-2:]:
        assert planted in hostile_dump and planted not in cleaned_dump
    # The comment Pillow's encoder (OpenJPEG) writes by itself.
    assert b"OpenJPEG" not in cleaned_dump
    with _open(cleaned) as after:
        assert len(after.pages) == 1
    assert _jpx_stream(cleaned)[0] == Name.JPXDecode
    new = _jpx_stream(cleaned)[1]
    if kind != "bare codestream":
        assert new.startswith(SIGNATURE + FTYP) and IHDR + COLR + RES in new
    if features.check("jpg_2000"):
        decoded = Image.open(io.BytesIO(new))
        assert decoded.size == (16, 8)
        assert decoded.tobytes() == Image.open(io.BytesIO(jpx)).tobytes()
    assert clean_pdf(hostile) == cleaned and clean_pdf(cleaned) == cleaned


def test_broken_jpeg2000_inside_the_pdf_is_refused():
    with pytest.raises(PdfProblem) as problem:
        clean_pdf(_jpx_pdf(SIGNATURE + FTYP + _box(b"jp2c", b"bukan kodestream")))
    assert str(problem.value) == BAD_IMAGE


# The JPEG 2000 walker on its own, on hand-made boxes around the tiny codestream.

JP2H = _box(b"jp2h", IHDR + COLR + RES)


@pytest.mark.parametrize(
    ("jpx", "expected"),
    [
        (J2K, J2K),
        (SOC_SIZ + J2K_COMMENT + COD + J2K_COMMENT + TILE, J2K),
        (SOC_SIZ + b"\xff\x30" + COD + TILE, SOC_SIZ + b"\xff\x30" + COD + TILE),
        (
            SIGNATURE + FTYP + JP2H + _box(b"jp2c", J2K),
            SIGNATURE + FTYP + JP2H + _box(b"jp2c", J2K),
        ),
        (
            SIGNATURE + FTYP + b"".join(JP2_METADATA) + JP2H + _box(b"jp2c", J2K),
            SIGNATURE + FTYP + JP2H + _box(b"jp2c", J2K),
        ),
        (
            SIGNATURE
            + FTYP
            + _box(b"jp2h", IHDR + _box(b"xml ", b"x") + COLR + RES)
            + _box(b"jp2c", J2K),
            SIGNATURE + FTYP + JP2H + _box(b"jp2c", J2K),
        ),
        (
            SIGNATURE + FTYP + JP2H + _box(b"jp2c", SOC_SIZ + J2K_COMMENT + COD + TILE, length=0),
            SIGNATURE + FTYP + JP2H + _box(b"jp2c", J2K),
        ),
        (
            SIGNATURE + FTYP + JP2H + _box(b"jp2c", J2K, length=0),
            SIGNATURE + FTYP + JP2H + _box(b"jp2c", J2K, length=0),
        ),
        (
            SIGNATURE
            + FTYP
            + b"\x00\x00\x00\x01xml "
            + (21).to_bytes(8, "big")
            + b"Budi!"
            + JP2H
            + _box(b"jp2c", J2K),
            SIGNATURE + FTYP + JP2H + _box(b"jp2c", J2K),
        ),
    ],
    ids=[
        "codestream, nothing to drop",
        "comments in the main header, not in the tile data",
        "reserved marker without parameters",
        "JP2, nothing to drop",
        "metadata boxes",
        "unknown box inside the header",
        "open-ended codestream box with a comment",
        "open-ended codestream box kept as it is",
        "extended length",
    ],
)
def test_jpeg2000_walker_drops_only_metadata(jpx, expected):
    assert strip_jpeg2000(jpx) == expected
    assert strip_jpeg2000(expected) == expected


@pytest.mark.parametrize(
    "jpx",
    [
        b"",
        b"\x89PNG\r\n\x1a\n",
        SIGNATURE + FTYP,
        SIGNATURE + FTYP + JP2H + b"\x00\x00\x00",
        SIGNATURE + FTYP + _box(b"xml ", b"x", length=5) + _box(b"jp2c", J2K),
        SIGNATURE + FTYP + _box(b"xml ", b"x", length=400) + _box(b"jp2c", J2K),
        SIGNATURE + FTYP + b"\x00\x00\x00\x01xml " + (4).to_bytes(8, "big") + _box(b"jp2c", J2K),
        SIGNATURE + FTYP + _box(b"jp2h", IHDR + b"\x00\x00") + _box(b"jp2c", J2K),
        SIGNATURE + FTYP + _box(b"ftbl", b"") + _box(b"jp2c", J2K),
        SIGNATURE + FTYP + _box(b"jp2c", b"\xff\xd8\xff\xe0"),
        SOC_SIZ + COD,
        SOC_SIZ + b"\xff\x52\x00\x40" + TILE,
        SOC_SIZ + b"\x00\x00" + TILE,
        SOC_SIZ + b"\xff\xd9",
        b"\xff\x4f\xff\x52" + bytes(40) + TILE,
    ],
    ids=[
        "empty",
        "png",
        "no codestream",
        "box header cut off",
        "box length too small",
        "box length past the end",
        "extended length too small",
        "header child cut off",
        "fragment table",
        "codestream box holding a JPEG",
        "main header without tile-part",
        "segment length past the end",
        "not a marker in the main header",
        "end of codestream before any tile",
        "no SIZ after SOC",
    ],
)
def test_jpeg2000_walker_refuses_what_it_cannot_walk(jpx):
    with pytest.raises(JpegError):
        strip_jpeg2000(jpx)
