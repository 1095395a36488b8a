"""Camera-like test photos made with Pillow: EXIF with GPS, every orientation, XMP, ICC."""

import io

from PIL import Image, ImageCms

GPS_IFD = 0x8825
ORIENTATION = 0x0112
# What to do to an upright picture so that the EXIF orientation tag undoes it.
INVERSE = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
    b'22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
    b'exif:GPSLatitude="7,19.5S"/></rdf:RDF></x:xmpmeta>'
)


def upright_picture(width=600, height=400):
    """An upright test picture: red top-left quadrant on blue."""
    image = Image.new("RGB", (width, height), (20, 60, 200))
    image.paste((220, 20, 30), (0, 0, width // 2, height // 2))
    return image


def camera_jpeg(orientation=1, width=600, height=400):
    """Return JPEG bytes like a phone's: orientation tag, GPS, maker, XMP, comment, ICC."""
    image = upright_picture(width, height)
    if INVERSE[orientation] is not None:
        image = image.transpose(INVERSE[orientation])
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "KameraPonsel"  # Make
    exif[0x0110] = "Model X"
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "S"
    gps[2] = (7.0, 19.0, 30.0)
    gps[3] = "E"
    gps[4] = (110.0, 10.0, 12.0)
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buffer = io.BytesIO()
    image.save(
        buffer, "JPEG", quality=90, exif=exif, xmp=XMP, comment=b"lokasi rumah", icc_profile=srgb
    )
    return buffer.getvalue()


def png_bytes(width=300, height=200, alpha=False):
    """Return PNG bytes (optionally with transparency)."""
    image = Image.new("RGBA" if alpha else "RGB", (width, height), (10, 120, 60, 128))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()
