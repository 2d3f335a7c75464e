#!/usr/bin/env python3
"""Regenerates the committed OCR fixtures (Tests/InventaExtractionTests/Fixtures/ocr/).

Scans made from known text: rendered with Pillow (python3-pil, in
scripts/system-packages.txt) in DejaVu Sans (fonts-dejavu-core) at 200 and 300 dpi,
then degraded the way scanners and phones degrade paper: JPEG compression, a slight
rotation, noise, low contrast, upside down, sideways. Also a multi-page TIFF, BMP and GIF
copies, a digital PDF with one scanned page, an image-only PDF, a JPEG attached to an
e-mail, a PNG in a zip, scanned pages pasted into a DOCX (python-docx), a PPTX
(python-pptx) and an ODT (odfpy) (pip install python-docx python-pptx odfpy), and hostile images (a 100 000 × 100 000 pixel PNG header, and
truncated TIFF/JPEG/PNG files).

Synthetic identities only: personnummer from Skatteverket's published TEST numbers
(/work/shared/data/pnr-testdata/skatteverket_testpersonnummer.tsv) and phone numbers in
the fiction range 070-174 06 05…99. Seeded, so the files come out the same each run.
Run from anywhere: python3 Tests/InventaExtractionTests/Fixtures/make-ocr-fixtures.py
"""
import base64
import io
import os
import random
import struct
import zipfile
import zlib

from PIL import Image, ImageDraw, ImageFont, ImageFilter

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ocr")
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

# (personnummer, name, phone); each a Skatteverket test number, a made-up name, a fiction phone.
PEOPLE = [
    ("19850101-2382", "Tolvan Testsson", "070-174 06 05"),
    ("19760807-2380", "Maja Lindqvist", "070-174 06 12"),
    ("19791212-2392", "Erik Holmberg", "070-174 06 27"),
    ("19830404-2388", "Sara Nyström", "070-174 06 33"),
    ("19860727-2385", "Lena Berglund", "070-174 06 48"),
    ("19891222-2380", "Anna Sjöberg", "070-174 06 51"),
    ("19930517-2398", "Johan Åkesson", "070-174 06 66"),
    ("19960922-2394", "Oskar Lundgren", "070-174 06 79"),
]


def lines_for(person, title="Ansökan om färdtjänst"):
    pnr, name, phone = person
    return [
        title,
        "",
        f"Namn: {name}",
        f"Personnummer: {pnr}",
        f"Telefon: {phone}",
        "Adress: Blåbärsvägen 12, 123 45 Farsta",
        "",
        "Sökanden har en diagnos som kräver hjälp vid resor.",
    ]


def render(lines, dpi):
    """A grey page of A5 width with the lines in 11 pt text."""
    width, height = int(5.2 * dpi), int(3.0 * dpi)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, int(11 / 72 * dpi))
    y = int(0.3 * dpi)
    for line in lines:
        draw.text((int(0.35 * dpi), y), line, fill=20, font=font)
        y += int(16 / 72 * dpi)
    image.info["dpi"] = (dpi, dpi)
    return image


def noisy(image, amount, seed):
    rng = random.Random(seed)
    pixels = image.load()
    w, h = image.size
    for _ in range(int(w * h * amount)):
        x, y = rng.randrange(w), rng.randrange(h)
        pixels[x, y] = rng.choice((0, 90, 170, 255))
    return image


def save(image, name, **kwargs):
    dpi = image.info.get("dpi", (300, 300))
    image.save(os.path.join(OUT, name), dpi=dpi, **kwargs)


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def bomb_png(width, height):
    """A valid PNG signature and header for a huge grey image, with a tiny IDAT."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b"")


def pdf_with_scan(text_lines, jpeg, size, scan_only=False):
    """A PDF whose first page has a text layer (Helvetica) and whose last page is a JPEG scan."""
    objects = []

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(None)
    pages = add(None)
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    if not scan_only:
        ops = b"BT /F1 12 Tf 72 770 Td 16 TL " + b" ".join(
            b"(" + l.encode("cp1252").replace(b"(", b"\\(").replace(b")", b"\\)") + b") Tj T*" for l in text_lines) + b" ET"
        content = add(b"<< /Length %d >>\nstream\n" % len(ops) + ops + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (font, content)))
    w, h = size
    image = add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n" % (w, h, len(jpeg)) + jpeg + b"\nendstream")
    # The scan fills the page width (595 pt), keeping its aspect ratio, at the top of the page.
    ph = 595 * h / w
    ops = b"q 595 0 0 %.2f 0 %.2f cm /Im1 Do Q" % (ph, 842 - ph)
    content = add(b"<< /Length %d >>\nstream\n" % len(ops) + ops + b"\nendstream")
    kids.append(add(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 %d 0 R >> >> /Contents %d 0 R >>" % (image, content)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[pages - 1] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def jpeg_bytes(image, quality):
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, dpi=image.info.get("dpi", (300, 300)))
    return buffer.getvalue()


def png_bytes(image):
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True, dpi=image.info.get("dpi", (200, 200)))
    return buffer.getvalue()


def logo():
    """A letterhead logo with text on it: in a header it must cost no OCR."""
    image = Image.new("L", (900, 160), 255)
    ImageDraw.Draw(image).text((20, 40), "Farsta kommun", fill=0, font=ImageFont.truetype(FONT, 80))
    return image


def office_with_scans(p):
    """A scanned page pasted into a Word letter (body picture; a logo in the header), onto a
    slide and into an ODT: what an administrator does with a paper that came by post."""
    import docx
    from docx.shared import Cm
    import pptx
    from pptx.util import Cm as PCm
    from odf.opendocument import OpenDocumentText
    from odf.text import P
    from odf.draw import Frame, Image as DrawImage
    scan = io.BytesIO(png_bytes(render(lines_for(p[2], "Inskannad ansökan"), 200)))
    document = docx.Document()
    document.core_properties.author = "Handläggare"
    document.add_paragraph("Beslut om bostadsanpassning")
    document.add_paragraph("Bifogad inskannad ansökan:")
    document.add_picture(scan, width=Cm(15))
    header = document.sections[0].header.paragraphs[0]
    header.add_run().add_picture(io.BytesIO(png_bytes(logo())), width=Cm(6))
    document.save(os.path.join(OUT, "letter-with-scan.docx"))
    slides = pptx.Presentation()
    slide = slides.slides.add_slide(slides.slide_layouts[5])
    slide.shapes.title.text = "Inkomna ansökningar"
    scan = io.BytesIO(png_bytes(render(lines_for(p[3], "Inskannad ansökan"), 200)))
    slide.shapes.add_picture(scan, PCm(2), PCm(4), width=PCm(20))
    slides.save(os.path.join(OUT, "slides-with-scan.pptx"))
    text = OpenDocumentText()
    text.text.addElement(P(text="Utredning: bifogad inskannad ansökan"))
    href = text.addPicture("Pictures/ansokan.png", "image/png", png_bytes(render(lines_for(p[4], "Inskannad ansökan"), 200)))
    frame = Frame(width="15cm", height="8.6cm", anchortype="paragraph", name="Skanning")
    frame.addElement(DrawImage(href=href))
    paragraph = P()
    paragraph.addElement(frame)
    text.text.addElement(paragraph)
    text.save(os.path.join(OUT, "report-with-scan.odt"))


def main():
    os.makedirs(OUT, exist_ok=True)
    p = PEOPLE
    save(render(lines_for(p[0]), 300), "clean-300.png", optimize=True)
    save(render(lines_for(p[1]), 200), "clean-200.png", optimize=True)
    save(render(lines_for(p[2]), 300), "jpeg-q30-300.jpg", quality=30)
    save(render(lines_for(p[3]), 200), "jpeg-q50-200.jpg", quality=50)
    rotated = render(lines_for(p[4]), 300).rotate(1.5, resample=Image.BICUBIC, expand=True, fillcolor=255)
    save(rotated, "rotated-1.5-300.jpg", quality=60)
    rotated = render(lines_for(p[5]), 200).rotate(-2, resample=Image.BICUBIC, expand=True, fillcolor=255)
    save(rotated, "rotated-2-200.png", optimize=True)
    save(noisy(render(lines_for(p[6]), 300), 0.01, 7), "noisy-300.png", optimize=True)
    save(noisy(render(lines_for(p[7]), 200), 0.005, 8).filter(ImageFilter.GaussianBlur(0.6)), "noisy-blurred-200.jpg", quality=60)
    low = render(lines_for(p[0], "Läkarintyg"), 300).point(lambda v: 110 + v * 110 // 255)
    save(low, "low-contrast-300.png", optimize=True)
    save(render(lines_for(p[1], "Läkarintyg"), 300).rotate(180), "upside-down-300.jpg", quality=70)
    save(render(lines_for(p[2], "Läkarintyg"), 300).rotate(90, expand=True), "sideways-300.png", optimize=True)
    save(render(lines_for(p[3], "Inkommen skrivelse"), 200).convert("1"), "copy-200.bmp")
    save(render(lines_for(p[4], "Inkommen skrivelse"), 200).convert("P"), "copy-200.gif")
    save(render(lines_for(p[5], "Inkommen skrivelse"), 300), "webp-300.webp", quality=60)
    # Multi-page TIFF: three scanned pages, one person each, group-4-like bilevel and grey.
    pages = [render(lines_for(person, f"Utdrag sida {i + 1}"), 200) for i, person in enumerate(p[5:8])]
    pages[0].save(os.path.join(OUT, "multipage-200.tif"), save_all=True, append_images=pages[1:],
                  compression="tiff_deflate", dpi=(200, 200))
    # A digital PDF (page 1 text) with a scanned page 2; an image-only PDF.
    scan = render(lines_for(p[6], "Bilaga: inskannad ansökan"), 200)
    with open(os.path.join(OUT, "digital-with-scan.pdf"), "wb") as f:
        f.write(pdf_with_scan(["Beslut om färdtjänst", "Handläggare: Eva Ström"], jpeg_bytes(scan, 60), scan.size))
    scan = render(lines_for(p[7], "Utdrag ur belastningsregistret"), 200)
    with open(os.path.join(OUT, "scan-only.pdf"), "wb") as f:
        f.write(pdf_with_scan([], jpeg_bytes(scan, 60), scan.size, scan_only=True))
    # An e-mail with a photographed form attached as JPEG.
    photo = jpeg_bytes(render(lines_for(p[0], "Ansökan om bostadsanpassning"), 200), 55)
    body = base64.encodebytes(photo).decode()
    mail = ("From: medborgare@example.se\r\nTo: registrator@example.se\r\nSubject: Ansökan\r\n"
            "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
            "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHej, här är min ansökan.\r\n"
            "--b1\r\nContent-Type: image/jpeg\r\nContent-Transfer-Encoding: base64\r\n"
            "Content-Disposition: attachment; filename=\"ansokan.jpg\"\r\n\r\n" + body + "--b1--\r\n")
    with open(os.path.join(OUT, "mail-with-scan.eml"), "wb") as f:
        f.write(mail.encode())
    # A PNG inside a zip.
    buffer = io.BytesIO()
    render(lines_for(p[1], "Ansökan om bostadsanpassning"), 200).save(buffer, "PNG", optimize=True, dpi=(200, 200))
    with zipfile.ZipFile(os.path.join(OUT, "scans.zip"), "w", zipfile.ZIP_STORED) as z:
        info = zipfile.ZipInfo("inskannat/ansokan.png", date_time=(2024, 1, 1, 0, 0, 0))
        z.writestr(info, buffer.getvalue())
    office_with_scans(p)
    # Hostile images.
    with open(os.path.join(OUT, "bomb.png"), "wb") as f:
        f.write(bomb_png(100_000, 100_000))
    for name in ("clean-200.png", "jpeg-q50-200.jpg", "multipage-200.tif"):
        with open(os.path.join(OUT, name), "rb") as f:
            data = f.read()
        stem, ext = os.path.splitext(name)
        with open(os.path.join(OUT, "truncated" + ext), "wb") as f:
            f.write(data[: len(data) // 3] if ext != ".tif" else data[:200])


if __name__ == "__main__":
    main()
