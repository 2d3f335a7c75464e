#!/usr/bin/env python3
"""Regenerates the container-format fixtures (zip, docx, xlsx, pptx, odt, ods, odp, eml, mbox).

Synthetic data only. Every format carries the same seeded test vector:
  personnummer 19850101-2382 (Skatteverket test number, skatteverket_testpersonnummer.tsv line 16318),
  the made-up name "Tolvan Testsson" and the made-up address "Blåbärsvägen 12, 123 45 Farsta".
Output is deterministic (fixed zip timestamps), so re-running changes nothing.
Run from anywhere: python3 Tests/InventaExtractionTests/Fixtures/make-container-fixtures.py
(WITH_LIBREOFFICE=1 also re-exports the real LibreOffice files from libreoffice-sources/; their bytes change per run.)
"""
import base64, os, struct, zipfile, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
PNR, PNR_NUMBER = "19850101-2382", "198501012382"
NAME, ADDRESS = "Tolvan Testsson", "Blåbärsvägen 12, 123 45 Farsta"
STAMP = (2024, 1, 1, 0, 0, 0)


def path(*parts):
    full = os.path.join(HERE, *parts)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    return full


def write(rel, data):
    with open(path(*rel.split("/")), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def zip_bytes(members, stored_first=None):
    """members: list of (name, bytes|str). stored_first: name stored uncompressed first (ODF mimetype)."""
    import io
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_STORED if name == stored_first else zipfile.ZIP_DEFLATED
            z.writestr(info, data if isinstance(data, bytes) else data.encode("utf-8"))
    return buf.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{}</Relationships>'


def rels(*items):
    return PKG_RELS.format("".join(f'<Relationship Id="{i}" Type="{REL}/{t}" Target="{target}"/>' for i, t, target in items))


EMBEDDED_XLSX = b""  # set in main(): a workbook embedded in the Word document


def docx(document_body=None):
    body = document_body or f'''
<w:p><w:r><w:t xml:space="preserve">Anteckning om </w:t></w:r><w:r><w:t>{NAME}</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Personnummer: </w:t></w:r><w:ins w:id="1" w:author="Handläggare"><w:r><w:t>{PNR}</w:t></w:r></w:ins><w:del w:id="2" w:author="Handläggare"><w:r><w:delText>RADERAD-TEXT</w:delText></w:r></w:del></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Adress</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>{ADDRESS}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>Textruta TEXTBOX-UNIQUE</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>Textruta TEXTBOX-UNIQUE</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
<w:p><w:r><w:t>Ord</w:t><w:tab/><w:t>efter</w:t><w:br/><w:t>brytning</w:t></w:r></w:p>
<w:p><w:r><w:instrText> PAGE FIELDCODE </w:instrText></w:r></w:p>'''
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}</w:body></w:document>'
    def part(root, inner):
        return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{root} {W}>{inner}</w:{root}>'
    return zip_bytes([
        ("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
        ("_rels/.rels", rels(("rId1", "officeDocument", "word/document.xml"))),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", rels(("rId1", "header", "header1.xml"), ("rId2", "footer", "footer1.xml"),
                                              ("rId3", "footnotes", "footnotes.xml"), ("rId4", "comments", "comments.xml"))),
        ("word/header1.xml", part("hdr", f'<w:p><w:r><w:t>Sekretess: {NAME}</w:t></w:r></w:p>')),
        ("word/footer1.xml", part("ftr", '<w:p><w:r><w:t>Sidfot FOOTER-UNIQUE</w:t></w:r></w:p>')),
        ("word/footnotes.xml", part("footnotes", f'<w:footnote w:id="1"><w:p><w:r><w:t>Fotnot {PNR}</w:t></w:r></w:p></w:footnote>')),
        ("word/endnotes.xml", part("endnotes", '<w:endnote w:id="1"><w:p><w:r><w:t>Slutnot ENDNOTE-UNIQUE</w:t></w:r></w:p></w:endnote>')),
        ("word/embeddings/Microsoft_Excel_Worksheet.xlsx", EMBEDDED_XLSX),
        ("word/comments.xml", part("comments", f'<w:comment w:id="0" w:author="Granskare"><w:p><w:r><w:t>Kommentar: {ADDRESS}</w:t></w:r></w:p></w:comment>')),
    ])


def xlsx():
    S = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    shared = ["Namn", "Personnummer", "Adress", NAME]
    sst = f'<?xml version="1.0" encoding="UTF-8"?><sst {S} count="5" uniqueCount="5">' + "".join(f"<si><t>{s}</t></si>" for s in shared) \
        + f'<si><r><t>Rik </t></r><r><t>text {NAME}</t></r><rPh sb="0" eb="1"><t>FONETISK</t></rPh></si></sst>'
    sheet1 = f'''<?xml version="1.0" encoding="UTF-8"?><worksheet {S}><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
<row r="7"><c r="A7" t="s"><v>3</v></c><c r="C7"><v>{PNR_NUMBER}</v></c><c r="D7"><v>1.98501012382E11</v></c><c r="E7" t="inlineStr"><is><t>{ADDRESS}</t></is></c><c r="F7" t="b"><v>1</v></c><c r="G7"><v>0.30000000000000004</v></c><c r="H7" s="1"><v>31048</v></c><c r="I7" s="2"><v>31048.5</v></c><c r="J7" s="3"><v>12.5</v></c><c r="K7" s="4"><v>1.5</v></c></row>
<row r="8"><c t="s"><v>4</v></c><c><f>1+1</f><v>2</v></c><c t="str"><f>A7</f><v>{PNR}</v></c></row>
</sheetData></worksheet>'''
    sheet2 = f'''<?xml version="1.0" encoding="UTF-8"?><worksheet {S}><sheetData>
<row r="2"><c r="B2" t="inlineStr"><is><t>Kontakt {PNR}</t></is></c></row></sheetData></worksheet>'''
    return zip_bytes([
        ("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
        ("_rels/.rels", rels(("rId1", "officeDocument", "xl/workbook.xml"))),
        ("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook {S}><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/><sheet name="Personal data" sheetId="2" r:id="rId2"/></sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels", rels(("rId1", "worksheet", "worksheets/sheet1.xml"), ("rId2", "worksheet", "/xl/worksheets/data2.xml"),
                                            ("rId3", "sharedStrings", "sharedStrings.xml"), ("rId4", "styles", "styles.xml"))),
        ("xl/worksheets/sheet1.xml", sheet1),
        ("xl/worksheets/data2.xml", sheet2),
        ("xl/worksheets/_rels/data2.xml.rels", rels(("rId1", "comments", "../comments1.xml"))),
        ("xl/comments1.xml", f'<?xml version="1.0" encoding="UTF-8"?><comments {S}><authors><author>Granskare</author></authors><commentList>'
         f'<comment ref="B2" authorId="0"><text><r><t>Granskare:</t></r><r><t xml:space="preserve"> kontrollera {PNR}</t></r></text></comment></commentList></comments>'),
        ("xl/sharedStrings.xml", sst),
        ("xl/styles.xml", f'<?xml version="1.0" encoding="UTF-8"?><styleSheet {S}><numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/>'
         '<numFmt numFmtId="165" formatCode="&quot;dag&quot;\\ 0.00"/><numFmt numFmtId="166" formatCode="[h]:mm"/></numFmts>'
         '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>'
         '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/></cellXfs></styleSheet>'),
    ])


def pptx():
    P = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    def slide(root, *paragraphs):
        ps = "".join(f"<a:p><a:r><a:t>{t}</a:t></a:r></a:p>" for t in paragraphs)
        return f'<?xml version="1.0" encoding="UTF-8"?><p:{root} {P}><p:cSld><p:spTree><p:sp><p:txBody>{ps}</p:txBody></p:sp></p:spTree></p:cSld></p:{root}>'
    return zip_bytes([
        ("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
        ("_rels/.rels", rels(("rId1", "officeDocument", "ppt/presentation.xml"))),
        # Presentation order is slide9.xml, then slide1.xml: order comes from sldIdLst, not file names.
        ("ppt/presentation.xml", f'<?xml version="1.0" encoding="UTF-8"?><p:presentation {P}><p:sldIdLst><p:sldId id="256" r:id="rId7"/><p:sldId id="257" r:id="rId3"/></p:sldIdLst></p:presentation>'),
        ("ppt/_rels/presentation.xml.rels", rels(("rId7", "slide", "slides/slide9.xml"), ("rId3", "slide", "slides/slide1.xml"))),
        ("ppt/slides/slide9.xml", slide("sld", "Agenda", "Punkt ett")),
        ("ppt/slides/_rels/slide9.xml.rels", rels(("rId1", "notesSlide", "../notesSlides/notesSlide1.xml"))),
        ("ppt/notesSlides/notesSlide1.xml", slide("notes", f"Talaranteckning {ADDRESS}")),
        ("ppt/slides/slide1.xml", slide("sld", f"Ärende {NAME}", f"Personnummer {PNR}")),
    ])


ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"')


def odf(kind, body, styles_inner=""):
    content = f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF_NS}><office:body>{body}</office:body></office:document-content>'
    styles = f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {ODF_NS}><office:master-styles>{styles_inner}</office:master-styles></office:document-styles>'
    return zip_bytes([
        ("mimetype", f"application/vnd.oasis.opendocument.{kind}"),
        ("content.xml", content),
        ("styles.xml", styles),
        ("META-INF/manifest.xml", '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'),
    ], stored_first="mimetype")


def odt():
    return odf("text", f'''<office:text><text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>RADERAD-TEXT</text:p></text:deletion></text:changed-region></text:tracked-changes>
<text:h>Anteckning</text:h><text:p>Namn:<text:s/>{NAME}</text:p><text:p>Personnummer<text:tab/>{PNR}</text:p><text:p>{ADDRESS}</text:p></office:text>''',
               f'<style:master-page style:name="Standard"><style:header><text:p>Sekretess {NAME}</text:p></style:header><style:footer><text:p>Sidfot</text:p></style:footer></style:master-page>')


def ods():
    return odf("spreadsheet", f'''<office:spreadsheet><table:table table:name="Blad1">
<table:table-column table:number-columns-repeated="5"/>
<table:table-row><table:table-cell office:value-type="string"><text:p>Namn</text:p></table:table-cell><table:table-cell table:number-columns-repeated="2"/><table:table-cell><text:p>Adress</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="5"><table:table-cell table:number-columns-repeated="4"/></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>{NAME}</text:p></table:table-cell><table:table-cell/><table:table-cell office:value-type="float" office:value="{PNR_NUMBER}"><text:p>{PNR_NUMBER}</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>{ADDRESS}</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="1048560"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
</table:table><table:table table:name="Blad 2"><table:table-row><table:table-cell table:number-columns-repeated="2"/><table:table-cell office:value-type="float" office:value="1.98501012382E11"/></table:table-row></table:table></office:spreadsheet>''')


def odp():
    return odf("presentation", f'''<office:presentation>
<draw:page draw:name="Sida 1"><draw:frame><draw:text-box><text:p>Agenda</text:p></draw:text-box></draw:frame>
<presentation:notes><draw:frame><draw:text-box><text:p>Talaranteckning {ADDRESS}</text:p></draw:text-box></draw:frame></presentation:notes></draw:page>
<draw:page draw:name="Sida 2"><draw:frame><draw:text-box><text:p>Ärende {NAME}</text:p><text:p>Personnummer {PNR}</text:p></draw:text-box></draw:frame></draw:page>
</office:presentation>''')


def qp(text, charset):
    out = []
    for b in text.encode(charset):
        out.append(chr(b) if 32 < b < 127 and b != 61 else "=%02X" % b)
    return "".join(out).replace("=0A", "\n")


def eml_plain():
    subject = "=?ISO-8859-1?Q?Ang=E5ende?= =?ISO-8859-1?Q?_Tolvan_Testsson?="
    sender = "=?UTF-8?B?" + base64.b64encode(f"{NAME}".encode()).decode() + "?= <tolvan@example.invalid>"
    body = qp(f"Hej!\nPersonnummer: {PNR}\nAdress: {ADDRESS}\n", "iso-8859-1")
    return (f"Return-Path: <tolvan@example.invalid>\nFrom: {sender}\nTo: Handl=?windows-1252?Q?=E4ggare?= <kommun@example.invalid>\n"
            f"Subject: {subject}\nDate: Mon, 1 Jan 2024 10:00:00 +0100\nMIME-Version: 1.0\n"
            f"Content-Type: text/plain; charset=ISO-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n{body}").replace("\n", "\r\n").encode("ascii")


def eml_html():
    html = f"<html><head><style>p {{ color: red }}</style></head><body><p>Namn: {NAME}</p><p>Personnummer:&nbsp;{PNR}</p><div>{ADDRESS.replace('å', '&aring;')}</div></body></html>"
    b64 = base64.encodebytes(html.encode("utf-8")).decode()
    return (f"From: kommun@example.invalid\nTo: tolvan@example.invalid\nSubject: HTML-brev\nMIME-Version: 1.0\n"
            f"Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n{b64}").encode("ascii")


def eml_with_attachment(attachment, name="bilaga.docx", extra_parts=""):
    b64 = base64.encodebytes(attachment).decode()
    body1252 = qp("Se bifogad fil. Hälsningar\n", "cp1252")
    return (f"From: kommun@example.invalid\nTo: arkiv@example.invalid\nSubject: Bilaga\nMIME-Version: 1.0\n"
            f'Content-Type: multipart/mixed; boundary="yttre"\n\nPreamble\n--yttre\n'
            f'Content-Type: multipart/alternative; boundary="inre"\n\n--inre\nContent-Type: text/plain; charset=windows-1252\n'
            f"Content-Transfer-Encoding: quoted-printable\n\n{body1252}\n--inre\nContent-Type: text/html; charset=utf-8\n\n<p>Se bifogad fil. HTML-TWIN</p>\n--inre--\n"
            f'--yttre\nContent-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document; name="{name}"\n'
            f'Content-Disposition: attachment; filename="{name}"\nContent-Transfer-Encoding: base64\n\n{b64}{extra_parts}--yttre--\n').encode("ascii")


def mbox(attachment_mail):
    one = "From: a@example.invalid\nTo: b@example.invalid\nSubject: Ett\nDate: Mon, 1 Jan 2024 10:00:00 +0100\nMessage-ID: <1@example.invalid>\n\nFörsta brevet.\n>From here the line was quoted.\n".encode()
    two = f"From: a@example.invalid\nTo: b@example.invalid\nSubject: Tv=?utf-8?q?=C3=A5?=\nMessage-ID: <2@example.invalid>\n\nAndra brevet: {NAME}, {PNR}.\n".encode()
    box = b""
    for msg in (one, two, attachment_mail.replace(b"\r\n", b"\n")):
        box += b"From a@example.invalid Mon Jan  1 10:00:00 2024\n" + msg + b"\n"
    return box


def set_encrypted_flag(data):
    """Marks every member encrypted (bit 0) in local and central headers, as a password-protected zip would."""
    data = bytearray(data)
    for sig, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        i = data.find(sig)
        while i >= 0:
            data[i + offset] |= 1
            i = data.find(sig, i + 4)
    return bytes(data)


def lying_size(data, fake):
    """Rewrites every member's declared uncompressed size to `fake` (a hostile archive)."""
    data = bytearray(data)
    for sig, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        i = data.find(sig)
        while i >= 0:
            struct.pack_into("<I", data, i + offset, fake)
            i = data.find(sig, i + 4)
    return bytes(data)


def main():
    global EMBEDDED_XLSX
    EMBEDDED_XLSX = xlsx()
    d = docx()
    write("docx/good/vector.docx", d)
    write("docx/corrupted/truncated.docx", d[: len(d) // 2])
    write("docx/corrupted/garbage.docx", b"PK\x03\x04" + bytes((i * 37 + 11) % 256 for i in range(2000)))
    laughs = '<!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{n} "{("&lol%s;" % (n - 1 if n > 1 else "")) * 10}">' for n in range(1, 10)) + ']>'
    bomb_doc = f'<?xml version="1.0"?>{laughs}<w:document {W}><w:body><w:p><w:r><w:t>Skratt &lol9; slut</w:t></w:r></w:p></w:body></w:document>'
    write("docx/corrupted/billion-laughs.docx", zip_bytes([("word/document.xml", bomb_doc)]))
    write("docx/nested/vector-in-zip-in-zip.zip", zip_bytes([("inner.zip", zip_bytes([("dokument/vector.docx", d)]))]))

    x = xlsx()
    write("xlsx/good/vector.xlsx", x)
    write("xlsx/good/renamed-workbook.dat", x)
    write("xlsx/corrupted/truncated.xlsx", x[: len(x) // 2])
    write("xlsx/corrupted/garbage.xlsx", bytes((i * 91 + 7) % 256 for i in range(3000)))
    write("xlsx/nested/vector-in-zip.zip", zip_bytes([("ekonomi/vector.xlsx", x)]))

    p = pptx()
    write("pptx/good/vector.pptx", p)
    write("pptx/corrupted/truncated.pptx", p[: len(p) // 2])
    write("pptx/nested/vector-in-zip.zip", zip_bytes([("vector.pptx", p)]))

    for kind, data in (("odt", odt()), ("ods", ods()), ("odp", odp())):
        write(f"{kind}/good/vector.{kind}", data)
        write(f"{kind}/corrupted/truncated.{kind}", data[: len(data) // 2])
        write(f"{kind}/nested/vector-in-zip.zip", zip_bytes([(f"vector.{kind}", data)]))

    write("odt/corrupted/encrypted.odt", zip_bytes([
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", bytes((i * 131 + 17) % 256 for i in range(800))),
        ("META-INF/manifest.xml", '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
         '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA">'
         '<manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="AAAA"/></manifest:encryption-data></manifest:file-entry></manifest:manifest>'),
    ], stored_first="mimetype"))

    write("eml/good/plain-qp-latin1.eml", eml_plain())
    write("eml/good/html-only.eml", eml_html())
    attached = eml_with_attachment(d)
    write("eml/nested/with-attachment.eml", attached)
    write("eml/corrupted/truncated.eml", attached[: len(attached) // 2])
    forwarded = (b"From: kommun@example.invalid\r\nTo: arkiv@example.invalid\r\nSubject: Fwd: =?ISO-8859-1?Q?Ang=E5ende?=\r\nMIME-Version: 1.0\r\n"
                 b'Content-Type: multipart/mixed; boundary="fwd"\r\n\r\n--fwd\r\nContent-Type: text/plain\r\n\r\nVidarebefordrar.\r\n--fwd\r\n'
                 b"Content-Type: message/rfc822\r\n\r\n" + eml_plain() + b"\r\n--fwd--\r\n")
    write("eml/nested/forwarded.eml", forwarded)
    write("eml/corrupted/garbage.eml", bytes((i * 53 + 3) % 256 for i in range(3000)))

    write("mbox/good/box.mbox", mbox(attached))
    write("mbox/corrupted/garbage.mbox", b"From \x00\x01\x02" + bytes((i * 17) % 256 for i in range(500)))

    text = f"Anteckning\n{NAME}\n{PNR}\n{ADDRESS}\n".encode()
    z = zip_bytes([("mapp/", b""), ("mapp/anteckning.txt", text)])
    write("zip/good/archive.zip", z)
    write("zip/corrupted/truncated.zip", z[: len(z) - 30])
    write("zip/corrupted/encrypted.zip", set_encrypted_flag(z))
    write("zip/corrupted/lying-size.zip", lying_size(zip_bytes([("nollor.txt", b"0" * 3_000_000)]), 400_000))
    write("zip/nested/zip-bomb.zip", zip_bytes([("nollor.txt", b"0" * 20_000_000)]))
    write("zip/nested/deep.zip", zip_bytes([("1.zip", zip_bytes([("2.zip", zip_bytes([("3.zip", zip_bytes([("4.zip", zip_bytes([("5.zip", zip_bytes([("djup.txt", text)]))]))]))]))]))]))
    # As macOS's Archive Utility zips a folder: each file, and its AppleDouble metadata under __MACOSX/.
    apple_double = b"\x00\x05\x16\x07\x00\x02\x00\x00" + b"Mac OS X        " + b"\x00\x01" + bytes(range(64))
    write("zip/good/macos-archive.zip", zip_bytes([("mapp/anteckning.txt", text), ("__MACOSX/mapp/._anteckning.txt", apple_double)]))
    write("zip/nested/mixed.zip", zip_bytes([("brev/with-attachment.eml", attached), ("kalkyl.xlsx", x), ("anteckning.txt", text)]))


if __name__ == "__main__":
    main()


def libreoffice():
    """Real LibreOffice-written files from the flat ODF sources in libreoffice-sources/ (needs soffice;
    apt-get install libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui)."""
    import shutil, subprocess, tempfile
    if not shutil.which("soffice"):
        print("soffice not found: LibreOffice fixtures left as they are")
        return
    with tempfile.TemporaryDirectory() as out:
        profile = f"-env:UserInstallation=file://{out}/profile"
        for source, targets in (("lo-vector.fodt", ("docx", "odt")), ("lo-vector.fods", ("xlsx", "ods")), ("lo-vector.fodp", ("pptx", "odp"))):
            for target in targets:
                subprocess.run(["soffice", "--headless", profile, "--convert-to", target, "--outdir", out,
                                os.path.join(HERE, "libreoffice-sources", source)], check=True, capture_output=True)
                shutil.copy(os.path.join(out, source.replace(source.split(".")[-1], target)), path(target, "good", f"libreoffice.{target}"))


if __name__ == "__main__" and os.environ.get("WITH_LIBREOFFICE"):
    libreoffice()
