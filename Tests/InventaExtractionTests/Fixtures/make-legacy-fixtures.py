#!/usr/bin/env python3
"""Regenerates the committed fixtures for the legacy Office extractors (.doc, .xls, .ppt).

Real files, written by LibreOffice from flat ODF documents this script writes, carrying
the project's seeded synthetic identities (Skatteverket TEST personnummer from
/work/shared/data/pnr-testdata, fiction phone numbers 070-174 06 05..99 / 08-465 004 xx):
  doc/good/libreoffice.doc   body, a 3x3 table, header, footer, footnote, comment, text box,
                             a hyperlink field (its code must not be read, its result must)
  xls/good/libreoffice.xls   three sheets (one hidden), numbers, a date, a formula with a text
                             result, and enough distinct strings that the SST spills into
                             CONTINUE records
  ppt/good/libreoffice.ppt   two slides and speaker notes
  */good/renamed.bin         the same file under a name that claims nothing
  */good/encrypted.*         saved with a password (via LibreOffice's UNO API)
  */corrupted/               truncated, a FAT sector loop, a FAT chain pointing outside the file
  */nested/                  inside a zip, and attached to an e-mail

Requirements (a fresh machine): apt-get install libreoffice-writer libreoffice-calc
libreoffice-impress python3-uno (only to regenerate fixtures, so not in scripts/system-packages.txt);
pip install olefile (the
independent CFB reader the script checks its output with).
Run from anywhere: python3 Tests/InventaExtractionTests/Fixtures/make-legacy-fixtures.py
"""
import base64
import io
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zipfile

import olefile

HERE = os.path.dirname(os.path.abspath(__file__))
PNR = "19850101-2382"          # the seeded vector (line 16318 of the test-number list)
PNR2 = "19850209-2383"         # further Skatteverket test numbers
PNR3 = "19850330-2385"
NAME = "Tolvan Testsson"
PHONE = "070-174 06 05"
PHONE2 = "08-465 004 12"
EMAIL = "tolvan.testsson@example.se"

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:xlink="http://www.w3.org/1999/xlink" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" '
      'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
      'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"')

FODT = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document {NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
<style:header><text:p>Sekretess: {NAME} {PNR2}</text:p></style:header>
<style:footer><text:p>Handläggare nås på {PHONE2}</text:p></style:footer>
</style:master-page></office:master-styles>
<office:automatic-styles><style:page-layout style:name="pm1"/></office:automatic-styles>
<office:body><office:text>
<text:p>Utredning om {NAME}, personnummer {PNR}.</text:p>
<text:p>Adress: Blåbärsvägen 12, 123 45 Farsta<text:note text:note-class="footnote"><text:note-body><text:p>Fotnot: tidigare personnummer {PNR3}.</text:p></text:note-body></text:note></text:p>
<text:p>Kontakt: <text:a xlink:type="simple" xlink:href="mailto:{EMAIL}">{EMAIL}</text:a> eller {PHONE}.<office:annotation><dc:creator>Handläggare</dc:creator><text:p>Kommentar: ring {PHONE} före besöket.</text:p></office:annotation></text:p>
<table:table table:name="Kontakter"><table:table-column table:number-columns-repeated="3"/>
<table:table-row><table:table-cell><text:p>Namn</text:p></table:table-cell><table:table-cell><text:p>Personnummer</text:p></table:table-cell><table:table-cell><text:p>Telefon</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>{NAME}</text:p></table:table-cell><table:table-cell><text:p>{PNR}</text:p></table:table-cell><table:table-cell><text:p>{PHONE}</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>Tolvan Testsson Junior</text:p></table:table-cell><table:table-cell><text:p>{PNR2}</text:p></table:table-cell><table:table-cell><text:p>{PHONE2}</text:p></table:table-cell></table:table-row>
</table:table>
<text:p>Ruta: <draw:frame draw:name="Ruta1" text:anchor-type="paragraph" svg:width="6cm" svg:height="2cm"><draw:text-box><text:p>I rutan: {PNR3}</text:p></draw:text-box></draw:frame></text:p>
<text:p>Slut på utredningen.</text:p>
</office:text></office:body></office:document>
"""


def cell(value):
    if isinstance(value, tuple):  # (kind, value, shown)
        kind, raw, shown = value
        if kind == "float":
            return f'<table:table-cell office:value-type="float" office:value="{raw}"><text:p>{shown}</text:p></table:table-cell>'
        if kind == "date":
            return f'<table:table-cell table:style-name="datum" office:value-type="date" office:date-value="{raw}"><text:p>{shown}</text:p></table:table-cell>'
        if kind == "formula":
            return f'<table:table-cell table:formula="{raw}" office:value-type="string" office:string-value="{shown}"><text:p>{shown}</text:p></table:table-cell>'
    if value is None:
        return "<table:table-cell/>"
    return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'


def row(values):
    return "<table:table-row>" + "".join(cell(v) for v in values) + "</table:table-row>\n"


def fods():
    sheet1 = (row(["Namn", "Personnummer", "Telefon", "Född", "Lön"])
              + row([NAME, ("float", "198501012382", "198501012382"), PHONE, ("date", "1985-01-01", "1985-01-01"), ("float", "31250.5", "31250.5")])
              + row(["Tolvan Testsson Junior", PNR2, PHONE2, None, ("float", "28000", "28000")])
              + row(["Sammanfattning", ("formula", 'of:=CONCATENATE([.A2];&quot; &quot;;[.C2])', f"{NAME} {PHONE}")]))
    hidden = row(["Dolt", f"Dold uppgift {PNR3}"])
    # Over 8 KB of distinct strings, so the shared-string table continues in CONTINUE records,
    # and a personnummer after the split.
    many = "".join(row([f"Rad {i} med en lång beskrivande text som fyller tabellen åäö", f"kod-{i:05d}"]) for i in range(400))
    many += row(["Sist i listan", f"Kontrollera {PNR}"])
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document {NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:date-style style:name="N1"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
<style:style style:name="datum" style:family="table-cell" style:data-style-name="N1"/>
<style:style style:name="dold" style:family="table"><style:table-properties table:display="false"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
<table:table table:name="Blad1">{sheet1}</table:table>
<table:table table:name="Dold" table:style-name="dold">{hidden}</table:table>
<table:table table:name="Lista">{many}</table:table>
</office:spreadsheet></office:body></office:document>
"""


FODP = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document {NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.presentation">
<office:body><office:presentation>
<draw:page draw:name="Sida1"><draw:frame svg:x="2cm" svg:y="2cm" svg:width="20cm" svg:height="3cm"><draw:text-box><text:p>Ärende {NAME}</text:p></draw:text-box></draw:frame></draw:page>
<draw:page draw:name="Sida2"><draw:frame svg:x="2cm" svg:y="2cm" svg:width="20cm" svg:height="3cm"><draw:text-box><text:p>Personnummer {PNR}</text:p><text:p>Telefon {PHONE}</text:p></draw:text-box></draw:frame>
<presentation:notes><draw:frame presentation:class="notes" svg:x="2cm" svg:y="12cm" svg:width="17cm" svg:height="10cm"><draw:text-box><text:p>Anteckning: {PNR2}</text:p></draw:text-box></draw:frame></presentation:notes></draw:page>
</office:presentation></office:body></office:document>
"""

UNO_SAVE = r'''
import sys, time, uno
from com.sun.star.beans import PropertyValue
def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p
source, target, filt, password, pipe = sys.argv[1:6]
resolver = uno.getComponentContext().ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", uno.getComponentContext())
for attempt in range(60):
    try:
        ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext"); break
    except Exception:
        time.sleep(0.5)
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, (prop("Hidden", True),))
doc.storeToURL(uno.systemPathToFileUrl(target), (prop("FilterName", filt), prop("Password", password)))
doc.close(True)
desktop.terminate()
'''


def path(*parts):
    p = os.path.join(HERE, *parts)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    return p


def convert(work, source_name, text, target):
    source = os.path.join(work, source_name)
    with open(source, "w", encoding="utf-8") as f:
        f.write(text)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{work}/profile", "--convert-to", target,
                    "--outdir", work, source], check=True, capture_output=True)
    with open(source.rsplit(".", 1)[0] + "." + target, "rb") as f:
        return f.read()


def encrypted(work, source_name, filter_name, target):
    """Saves the flat ODF source with a password through LibreOffice's UNO API."""
    pipe = f"inventa{os.getpid()}"
    office = subprocess.Popen(["soffice", "--headless", "--invisible", f"-env:UserInstallation=file://{work}/profile-uno",
                               f"--accept=pipe,name={pipe};urp;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        out = os.path.join(work, "encrypted." + target)
        helper = os.path.join(work, "uno_save.py")
        with open(helper, "w") as f:
            f.write(UNO_SAVE)
        subprocess.run(["/usr/bin/python3", helper, os.path.join(work, source_name), out, filter_name, "hemligt", pipe],
                       check=True, capture_output=True, timeout=120)
        with open(out, "rb") as f:
            return f.read()
    finally:
        office.wait(timeout=60) if office.poll() is None and not office.kill() else None


# --- CFB surgery for the corrupted variants (MS-CFB), checked against olefile ---

def cfb_layout(data):
    shift = struct.unpack_from("<H", data, 0x1E)[0]
    size = 1 << shift
    fat_sectors = [s for s in struct.unpack_from("<109I", data, 0x4C)][:struct.unpack_from("<I", data, 0x2C)[0]]
    return size, fat_sectors


def fat_entry_offset(data, sector):
    size, fat_sectors = cfb_layout(data)
    per = size // 4
    return (fat_sectors[sector // per] + 1) * size + (sector % per) * 4


def stream_start(data, name):
    ole = olefile.OleFileIO(data)
    entry = ole.direntries[ole._find(name)]
    assert entry.size >= 4096, f"{name} is in the mini stream; pick a regular stream"
    return entry.isectStart


def with_fat(data, sector, value):
    out = bytearray(data)
    struct.pack_into("<I", out, fat_entry_offset(data, sector), value)
    return bytes(out)


def corrupted(data, stream, ext):
    start = stream_start(data, stream)
    with open(path(ext, "corrupted", f"truncated.{ext}"), "wb") as f:
        f.write(data[: len(data) // 2 + 100])
    with open(path(ext, "corrupted", f"sector-loop.{ext}"), "wb") as f:
        f.write(with_fat(data, start, start))
    with open(path(ext, "corrupted", f"chain-out-of-range.{ext}"), "wb") as f:
        f.write(with_fat(data, start, 0x00FF_FFF0))


def nested(data, ext, mime):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        info = zipfile.ZipInfo(f"arkiv/bilaga.{ext}", date_time=(2020, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data)
    with open(path(ext, "nested", f"in-zip.zip"), "wb") as f:
        f.write(buffer.getvalue())
    body = base64.encodebytes(data).decode()
    mail = (f"From: Handläggare <handlaggare@example.se>\r\nTo: arkiv@example.se\r\nSubject: Bilaga\r\n"
            f"Date: Wed, 01 Jan 2020 10:00:00 +0100\r\nMIME-Version: 1.0\r\n"
            f"Content-Type: multipart/mixed; boundary=\"gräns\"\r\n\r\n--gräns\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            f"Se bilagan.\r\n--gräns\r\nContent-Type: {mime}\r\nContent-Transfer-Encoding: base64\r\n"
            f"Content-Disposition: attachment; filename=\"bilaga.{ext}\"\r\n\r\n{body}\r\n--gräns--\r\n")
    with open(path(ext, "nested", "attached.eml"), "wb") as f:
        f.write(mail.encode("utf-8"))


def check(data, streams):
    """An independent reader (olefile) must open the file and find its streams."""
    ole = olefile.OleFileIO(data)
    for name in streams:
        assert ole.exists(name), f"olefile finds no {name}"
        assert len(ole.openstream(name).read()) > 0


def main():
    if not shutil.which("soffice"):
        sys.exit("soffice not found: apt-get install libreoffice-writer libreoffice-calc libreoffice-impress python3-uno")
    with tempfile.TemporaryDirectory() as work:
        doc = convert(work, "legacy.fodt", FODT, "doc")
        xls = convert(work, "legacy.fods", fods(), "xls")
        ppt = convert(work, "legacy.fodp", FODP, "ppt")
        check(doc, ["WordDocument"]); check(xls, ["Workbook"]); check(ppt, ["PowerPoint Document"])
        for ext, data, stream, mime in (("doc", doc, "WordDocument", "application/msword"),
                                        ("xls", xls, "Workbook", "application/vnd.ms-excel"),
                                        ("ppt", ppt, "PowerPoint Document", "application/vnd.ms-powerpoint")):
            with open(path(ext, "good", f"libreoffice.{ext}"), "wb") as f:
                f.write(data)
            with open(path(ext, "good", "renamed.bin"), "wb") as f:
                f.write(data)
            corrupted(data, stream, ext)
            nested(data, ext, mime)
        for ext, source, filt in (("doc", "legacy.fodt", "MS Word 97"), ("xls", "legacy.fods", "MS Excel 97")):
            data = encrypted(work, source, filt, ext)
            with open(path(ext, "good", f"encrypted.{ext}"), "wb") as f:
                f.write(data)


if __name__ == "__main__":
    main()
