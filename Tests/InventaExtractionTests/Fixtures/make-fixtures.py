#!/usr/bin/env python3
"""Regenerates the committed fixtures for the PDF, HTML, RTF and CSV extractor tests.

Every fixture carries the same seeded synthetic test vector as the container fixtures
(make-container-fixtures.py), so one identity is found in every format:
  personnummer 19850101-2382 (Skatteverket's published TEST number, line 16318 of
  /work/shared/data/pnr-testdata/skatteverket_testpersonnummer.tsv),
  name "Tolvan Testsson", address "Blåbärsvägen 12, 123 45 Farsta".
No real person's data. PDFs are written by hand (base-14 Helvetica, WinAnsiEncoding)
so the generator needs nothing but Python; encrypted PDFs need `qpdf` (listed in
scripts/system-packages.txt), run with a static ID and IV so the bytes are reproducible.
Run from anywhere: python3 Tests/InventaExtractionTests/Fixtures/make-fixtures.py
"""
import os
import random
import io
import subprocess
import zipfile
import zlib

PNR = "19850101-2382"
NAME = "Tolvan Testsson"
ADDRESS = "Blåbärsvägen 12, 123 45 Farsta"


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def pdf_string(text):
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def make_pdf(pages, compress=True):
    """pages: list of pages; a page is a list of text lines, or None for an image-only page."""
    objects = []  # bodies; object n is objects[n-1]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(None)  # pages, filled below
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for lines in pages:
        if lines is None:
            # A "scan": a grey raster image and a frame, no text at all.
            content = b"q 400 0 0 500 100 150 cm /Im1 Do Q 0.2 0.2 0.2 RG 90 140 420 520 re S"
            image = bytes((x * 7 + y * 3) % 256 for y in range(64) for x in range(64))
            objects.append(b"<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
                           b"/BitsPerComponent 8 /Length %d >>\nstream\n" % len(image) + image + b"\nendstream")
            resources = b"<< /XObject << /Im1 %d 0 R >> >>" % len(objects)
        else:
            ops = [b"BT /F1 12 Tf 14 TL 72 760 Td"]
            for line in lines:
                ops.append(pdf_string(line) + b" Tj T*")
            ops.append(b"ET")
            content = b"\n".join(ops)
            resources = b"<< /Font << /F1 3 0 R >> >>"
        if compress:
            data = zlib.compress(content)
            objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream")
        else:
            objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        contents = len(objects)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R /Resources %s >>"
                       % (contents, resources))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids)
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


SEEDED_PAGES = [
    ["Protokoll fört vid möte med socialnämnden", "Sida 1 innehåller inga personuppgifter."],
    ["Ärende", f"Namn: {NAME}", f"Personnummer: {PNR}", f"Adress: {ADDRESS}"],
]


def pdf_fixtures():
    seeded = make_pdf(SEEDED_PAGES)
    write("pdf/good/seeded.pdf", seeded)
    write("pdf/good/image-only.pdf", make_pdf([None, None]))
    write("pdf/corrupted/truncated.pdf", seeded[:200])
    rng = random.Random(3)
    write("pdf/corrupted/garbage.pdf", b"%PDF-1.7\n" + bytes(rng.randrange(256) for _ in range(4000)))
    # "Really HTML", named .pdf: must be read as HTML.
    write("pdf/corrupted/really-html.pdf",
          f"<!DOCTYPE html><html><body><p>Namn: {NAME}</p><p>Personnummer: {PNR}</p></body></html>\n".encode())
    # A PDF after 40 bytes of junk (mail gateways and old scanners do this).
    write("pdf/good/junk-before-header.pdf", b"X-Scanner: Ricoh Aficio export 2009\r\n\r\n" + seeded)
    # --static-id/--static-aes-iv with AES-128 (whose key derives from the passwords and the ID, unlike
    # AES-256, whose file key is random): the same bytes on every run (qpdf's switches for test files).
    reproducible = ["qpdf", "--static-id", "--static-aes-iv"]
    subprocess.run(reproducible + ["--encrypt", "hemligt", "agare", "128", "--use-aes=y", "--", "pdf/good/seeded.pdf",
                                   "pdf/good/encrypted.pdf"], check=True)
    # Owner password only: opens with the empty user password, so it is read.
    subprocess.run(reproducible + ["--encrypt", "", "agare", "128", "--use-aes=y", "--", "pdf/good/seeded.pdf",
                                   "pdf/good/owner-password-only.pdf"], check=True)


def html_fixtures():
    body = f"""<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>Ärende 2019-04</title>
<style>p {{ color: red }} .x::after {{ content: "STILTEXT" }}</style>
<script>var hemligt = "SKRIPTTEXT";</script></head>
<body><h1>Ärende</h1><p>Namn:&nbsp;{NAME}</p><div>Personnummer: {PNR}</div>
<p>Adress: Bl&aring;b&auml;rsv&#228;gen 12,<br>123 45 Farsta</p>
<table><tr><td>Ett</td><td>Två</td></tr></table><p>Slut</p></body></html>
"""
    write("html/good/seeded.html", body.encode("utf-8"))
    latin1 = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<title>Brev</title></head><body><p>Namn: {NAME}<br>Personnummer: {PNR}<br>Adress: {ADDRESS}</p></body></html>
"""
    write("html/good/seeded-latin1.html", latin1.encode("cp1252"))
    xhtml = f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>X</title></head>
<body><p>Namn: {NAME}</p><p>Personnummer: {PNR}</p><p>Adress: {ADDRESS}</p></body></html>
"""
    write("html/good/seeded.xhtml", xhtml.encode("utf-8"))
    write("html/corrupted/truncated.html", body.encode("utf-8")[:body.encode("utf-8").index(b"Personnummer") + 30])
    rng = random.Random(5)
    write("html/corrupted/garbage.html", bytes(rng.randrange(256) for _ in range(3000)))


def rtf_escape(text):
    out = []
    for ch in text:
        code = ord(ch)
        if code < 128:
            out.append(ch)
        elif code < 256:
            out.append("\\'%02x" % ch.encode("cp1252")[0])
        else:
            out.append("\\u%d?" % (code if code < 32768 else code - 65536))
    return "".join(out)


def rtf_fixtures():
    picture = "".join("%02x" % ((i * 37) % 256) for i in range(600))
    doc = ("{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1"
           "{\\fonttbl{\\f0\\fswiss\\fcharset0 Arial;}{\\f1\\froman Times New Roman;}}"
           "{\\colortbl;\\red0\\green0\\blue0;}"
           "{\\stylesheet{\\s0 Normal;}}"
           "{\\info{\\title \\'c4rende}{\\author " + NAME + "}{\\*\\company Farsta kommun}{\\creatim\\yr2019\\mo4\\dy1}}"
           "{\\*\\generator Riched20 10.0.19041}"
           "\\pard\\plain\\f0\\fs24 Protokoll\\par\n"
           "Namn: " + NAME + "\\par\n"
           "Personnummer: " + PNR + "\\line\n"
           "Adress: " + rtf_escape("Blåbärsvägen") + " 12, 123 45 Farsta\\par\n"
           "{\\pict\\pngblip\\picw10\\pich10 " + picture + "}"
           "{\\*\\bkmkstart dold}{\\field{\\*\\fldinst HYPERLINK \"http://example.invalid\"}{\\fldrslt L\\u228?nk}}\\par\n"
           "Unicode: \\uc2 \\u8364 EU och \\uc1 \\u-10179?\\u-8704? klart.\\par\n"
           "{\\*\\objdata 0105000002000000}{\\object{\\*\\objclass Paint}{\\bin5 {}}}}}}}\\cell Tabell\\cell\\row\n"
           "}\n")
    # \bin5 hides "{}}}}" raw bytes: a parser that does not honour \bin ends the document early.
    write("rtf/good/seeded.rtf", doc.encode("ascii"))
    latin1 = ("{\\rtf1\\ansi\\ansicpg28591{\\fonttbl{\\f0 Arial;}}\\f0 Adress: " + rtf_escape("Blåbärsvägen")
              + " 12, 123 45 Farsta\\par}\n")
    write("rtf/good/latin1.rtf", latin1.encode("ascii"))
    data = doc.encode("ascii")
    write("rtf/corrupted/truncated.rtf", data[:data.index(b"Adress")])
    rng = random.Random(7)
    write("rtf/corrupted/garbage.rtf", b"{\\rtf1\\ansi " + bytes(rng.randrange(256) for _ in range(3000)))
    write("rtf/corrupted/unbalanced.rtf", b"{\\rtf1\\ansi Namn: " + NAME.encode() + b"}}}} Personnummer: "
          + PNR.encode() + b"\\par}")


def csv_fixtures():
    rows = [
        ["Namn", "Personnummer", "Adress", "Anteckning"],
        ["Testa Testsson", "", "Storgatan 1, 111 11 Stockholm", "rad två\nfortsätter på ny rad"],
        [NAME, PNR, ADDRESS, 'Sa "hej"; gick'],
    ]

    def quote(cell, delimiter):
        if any(c in cell for c in [delimiter, '"', "\n", ","]):
            return '"' + cell.replace('"', '""') + '"'
        return cell

    semicolon = "\r\n".join(";".join(quote(c, ";") for c in row) for row in rows) + "\r\n"
    write("csv/good/seeded.csv", semicolon.encode("cp1252"))
    tab = "\n".join("\t".join(quote(c, "\t") for c in row) for row in rows) + "\n"
    write("csv/good/seeded.tsv", tab.encode("utf-8"))
    comma = "\n".join(",".join(quote(c, ",") for c in row) for row in rows)  # no final line break
    write("csv/good/seeded-comma.csv", b"\xef\xbb\xbf" + comma.encode("utf-8"))
    write("csv/corrupted/unclosed-quote.csv", ("Namn;Anteckning\n" + NAME + ';"aldrig stängd\n' + PNR + "\n").encode("utf-8"))
    rng = random.Random(11)
    write("csv/corrupted/garbage.csv", bytes(rng.randrange(256) for _ in range(3000)))


def text_fixtures():
    write("text/good/seeded.txt", f"Anteckning\n{NAME}\n{PNR}\n{ADDRESS}\n".encode("utf-8"))


def zip_of(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(2019, 4, 1, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def nested_fixtures():
    """Each format's seeded document inside a zip inside a zip: outer.zip!inner.zip!<name>."""
    for folder, name in [("pdf", "seeded.pdf"), ("html", "seeded.html"), ("rtf", "seeded.rtf"), ("csv", "seeded.csv")]:
        with open(f"{folder}/good/{name}", "rb") as f:
            document = f.read()
        inner = zip_of([(name, document)])
        write(f"{folder}/nested/{name}-in-zip-in-zip.zip", zip_of([("inner.zip", inner)]))


if __name__ == "__main__":
    os.chdir(os.path.dirname(os.path.abspath(__file__)))
    pdf_fixtures()
    html_fixtures()
    rtf_fixtures()
    csv_fixtures()
    text_fixtures()
    nested_fixtures()
