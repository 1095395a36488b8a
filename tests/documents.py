"""Test documents with private metadata, made with pikepdf: what the gate must strip."""

import io

import pikepdf


def pdf_bytes(author="Budi Santoso", nip="198001012005011001"):
    """Return a one-page PDF whose Info and XMP name its author (and an NIP)."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.docinfo["/Author"] = author
    pdf.docinfo["/NIP"] = nip
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:creator"] = [author]
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()
