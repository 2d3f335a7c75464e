#!/usr/bin/env python3
"""Regenerates the PDF layout fixtures in pdf/layout/ (tables, columns, rotation; decision 0214).

Written by real producers, not by hand:
  libreoffice-table.pdf  LibreOffice Writer (soffice --headless --convert-to pdf) from a flat ODT
                         made here: page 1 prose, page 2 a table whose narrow personnummer column
                         wraps one value after its hyphen.
  cells.pdf              reportlab, every table cell its own absolutely positioned text object
                         (cells close together, one value broken over two lines in its cell);
                         page 2 a key-value form.
  two-column.pdf         reportlab platypus, a full-width title and two frames of flowing prose.
  rotated.pdf            reportlab: page 1 upright; page 2 /Rotate 90 with its content turned so
                         it reads upright in a viewer (a landscape table); page 3 a margin note
                         drawn at 90 degrees; page 4 /Rotate 90 over upright content (reads sideways).
Requirements: python3 -m pip install reportlab (5.x); LibreOffice Writer
(apt-get install -y libreoffice-writer, or libreoffice-writer-nogui). Without soffice the
LibreOffice fixture is left as it is. Bytes change per run (producers stamp dates and IDs);
the tests assert text and locations, not bytes.
Synthetic identities only: personnummer are Skatteverket's published test numbers
(/work/shared/data/pnr-testdata), phones are in the fiction ranges 070-174 06 05..99 and
08-465 004 xx, e-mail domains are example.org.
Run from anywhere: python3 Tests/InventaExtractionTests/Fixtures/make-pdf-layout-fixtures.py
"""
import os
import shutil
import subprocess
import tempfile

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "pdf", "layout")

ROWS = [  # elev, personnummer, vårdnadshavare, telefon, e-post
    ("Testsson, Tolvan", "850101-2382", "Anna Testsson", "070-174 06 05", "anna.testsson@example.org"),
    ("Berg, Lisa", "850102-2381", "Per Berg", "08-465 004 12", "per.berg@example.org"),
    ("Ek, Sven", "19850103-2380", "Maja Ek", "070-174 06 07", "maja.ek@example.org"),
    ("Lund, Tor", "850104-2389", "Eva Lund", "070-174 06 08", "eva.lund@example.org"),
]
HEADER = ("Elev", "Personnummer", "Vårdnadshavare", "Telefon", "E-post")


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def libreoffice_table():
    if not shutil.which("soffice"):
        print("soffice not found: libreoffice-table.pdf left as it is")
        return
    widths = ["3.4cm", "2.4cm", "3.4cm", "3.0cm", "5.2cm"]
    columns = "".join(f'<style:style style:name="C{i}" style:family="table-column">'
                      f'<style:table-column-properties style:column-width="{w}"/></style:style>'
                      for i, w in enumerate(widths))
    def row(cells):
        return "<table:table-row>" + "".join(
            f'<table:table-cell table:style-name="Cell" office:value-type="string"><text:p>{esc(c)}</text:p></table:table-cell>'
            for c in cells) + "</table:table-row>"
    table = ('<table:table table:name="Elever" table:style-name="T">'
             + "".join(f'<table:table-column table:style-name="C{i}"/>' for i in range(len(widths)))
             + row(HEADER) + "".join(row(r) for r in ROWS) + "</table:table>")
    fodt = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles><style:default-style style:family="paragraph"><style:text-properties
 style:font-name="Liberation Sans" fo:font-size="10pt" fo:language="sv" fo:country="SE"/></style:default-style></office:styles>
<office:automatic-styles>
<style:style style:name="T" style:family="table"><style:table-properties style:width="17.4cm" table:align="left"/></style:style>
{columns}
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"/></style:style>
<style:style style:name="Break" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style>
</office:automatic-styles>
<office:body><office:text>
<text:h text:outline-level="1">Klasslista 3A</text:h>
<text:p>Mentor för klassen är Tolvan Testsson, telefon 070-174 06 09. Listan gäller läsåret 2026/27.</text:p>
<text:p text:style-name="Break">Elever och vårdnadshavare</text:p>
{table}
<text:p>Listan uppdateras varje termin.</text:p>
</office:text></office:body></office:document>
'''
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "libreoffice-table.fodt")
        with open(source, "w", encoding="utf-8") as f:
            f.write(fodt)
        profile = "-env:UserInstallation=file://" + os.path.join(tmp, "profile")
        subprocess.run(["soffice", "--headless", profile, "--convert-to", "pdf", "--outdir", tmp, source],
                       check=True, capture_output=True)
        shutil.copy(os.path.join(tmp, "libreoffice-table.pdf"), os.path.join(OUT, "libreoffice-table.pdf"))


def cells():
    c = canvas.Canvas(os.path.join(OUT, "cells.pdf"), pagesize=landscape(A4))
    c.setTitle("Elevlista")
    x = [40, 125, 200, 285, 360]  # tight columns: a cell's text ends a few points before the next
    c.setFont("Helvetica-Bold", 14)
    c.drawString(40, 540, "Elevlista 3B")
    y = 500
    for cells_ in [HEADER] + ROWS:
        for column, text in enumerate(cells_):
            c.setFont("Helvetica-Bold" if cells_ is HEADER else "Helvetica", 9)
            if text == "19850103-2380":  # wraps inside its cell, as a narrow cell does
                c.drawString(x[column], y, "19850103-")
                c.drawString(x[column], y - 11, "2380")
            else:
                c.drawString(x[column], y, text)
        y -= 30
    c.showPage()
    c.setFont("Helvetica", 10)
    c.drawString(40, 540, "Kontaktuppgifter")
    for index, (label, value) in enumerate([("Namn", "Lisa Berg"), ("Personnummer", "850102-2381"),
                                            ("Telefon", "08-465 004 13"), ("E-post", "lisa.berg@example.org")]):
        c.drawString(40, 510 - 16 * index, label)
        c.drawString(120, 510 - 16 * index, value)
    c.showPage()
    c.save()


LEFT = ("Utredningen gäller Tolvan Testsson, personnummer 19850101-2382, som bor på Blåbärsvägen 12, "
        "123 45 Farsta. Ansökan om ekonomiskt bistånd kom in till förvaltningen den 3 mars och "
        "kompletterades med kontoutdrag, hyresavtal och intyg från arbetsförmedlingen två veckor "
        "senare. Sökanden har under hösten haft tillfälliga anställningar inom hemtjänsten och "
        "uppger att inkomsterna varierat kraftigt från månad till månad. Handläggaren har gått "
        "igenom underlaget tillsammans med sökanden vid ett besök på kontoret och noterat att "
        "hyran är skäligt hög i förhållande till ortens nivå. Några skulder hos kronofogden finns "
        "inte registrerade, och sökanden har inte tidigare haft kontakt med socialtjänsten.")
RIGHT = ("Bedömningen är att behovet inte kan tillgodoses på annat sätt under den närmaste tiden. "
         "Handläggaren nås på telefon 070-174 06 10 och svarar på frågor om beslutet, om hur "
         "beloppet har räknats fram och om hur beslutet kan överklagas till förvaltningsrätten. "
         "Ett överklagande ska ha kommit in inom tre veckor från den dag då sökanden fick del av "
         "beslutet. Förvaltningen följer upp ärendet efter tre månader och begär då in nya "
         "underlag om inkomster och utgifter, så att bedömningen kan göras om ifall "
         "förhållandena har ändrats under tiden.")


def two_column():
    path = os.path.join(OUT, "two-column.pdf")
    width, height = A4
    doc = BaseDocTemplate(path, pagesize=A4, title="Utredning")
    gutter = 18
    column = (width - 2 * 56 - gutter) / 2
    frames = [Frame(56, 56, column, height - 170, id="left"),
              Frame(56 + column + gutter, 56, column, height - 170, id="right")]

    def title(canvas_, doc_):
        canvas_.setFont("Helvetica-Bold", 16)
        canvas_.drawString(56, height - 80, "Utredning enligt 11 kap. 1 § socialtjänstlagen")

    doc.addPageTemplates([PageTemplate(id="two", frames=frames, onPage=title)])
    style = getSampleStyleSheet()["BodyText"]
    style.alignment = 4  # justified, as such reports are
    doc.build([Paragraph(LEFT, style), Paragraph(RIGHT, style)])


def rotated():
    c = canvas.Canvas(os.path.join(OUT, "rotated.pdf"), pagesize=A4)
    width, height = A4
    c.setFont("Helvetica", 10)
    c.drawString(56, height - 80, "Sida ett: följebrev utan personuppgifter.")
    c.showPage()
    # Page 2: portrait MediaBox, /Rotate 90, content turned so it reads upright in a viewer
    # (reportlab swaps the page size it is given when the rotation is 90, hence landscape()).
    c.setPageRotation(90)
    c.setPageSize(landscape(A4))
    c.saveState()
    c.translate(width, 0)
    c.rotate(90)  # local coordinates are the landscape page the viewer shows (595 high)
    c.setFont("Helvetica", 10)
    c.drawString(56, width - 80, "Beslut om bistånd, liggande sida")
    for index, (label, value) in enumerate([("Personnummer", "850105-2388"), ("Telefon", "070-174 06 11"),
                                            ("E-post", "sara.lind@example.org")]):
        c.drawString(56, width - 120 - 16 * index, label)
        c.drawString(160, width - 120 - 16 * index, value)
    c.restoreState()
    c.showPage()
    c.setPageRotation(0)
    c.setPageSize(A4)
    c.setFont("Helvetica", 10)
    c.drawString(56, height - 80, "Sida tre: brödtext i vanlig riktning.")
    c.saveState()
    c.translate(30, 200)
    c.rotate(90)  # a margin note reading bottom to top
    c.drawString(0, 0, "Diarienummer SN 2026/114 Tolvan Testsson 19850101-2382")
    c.restoreState()
    c.showPage()
    # Page 4: /Rotate 90 over upright content: the viewer shows it sideways, text top to bottom.
    c.setPageRotation(90)
    c.setPageSize(landscape(A4))
    c.setFont("Helvetica", 10)
    c.drawString(56, height - 80, "Sida fyra: kontaktperson Lisa Berg, telefon 08-465 004 14.")
    c.showPage()
    c.save()


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    libreoffice_table()
    cells()
    two_column()
    rotated()
    print("pdf/layout fixtures written to", OUT)
