#!/usr/bin/env python3
"""Writes the table fixtures in Fixtures/tables/ with real producers (decision 0205).

Requires: openpyxl, python-docx, odfpy (pip install openpyxl python-docx odfpy); the
sqlite3 command-line shell and util-linux `column` for the tables written as plain text
(Debian: sqlite3, bsdextrautils; listed in scripts/system-packages.txt); LibreOffice
(`soffice`, headless) for the RTF tables.
Synthetic identities only: personnummer from Skatteverket's test numbers, phone numbers
from PTS's fiction range, bank accounts with computed check digits (SEB 5000-1234560,
Handelsbanken 6000-123456789, Swedbank 8327-9 123456789-7 as in Rules/bank_account.toml).

Run from this folder: python3 make-table-fixtures.py
"""
import os
import subprocess
import openpyxl
import docx
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableRow, TableCell
from odf.text import P

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tables")
os.makedirs(OUT, exist_ok=True)

TITLE = "Lönelista januari 2024"
HEADER = ["Namn", "Personnummer", "Clearingnr", "Kontonr", "Telefon"]
ROWS = [
    ["Berg, Anna", "19740702-9284", "5000", "123 45 60", "070-174 06 05"],
    ["Lind, Erik", "19781011-2396", "6000", "123 456 789", "070-174 06 06"],
    ["Ek, Sara", "19810725-2382", "8327-9", "123 456 789-7", "070-174 06 07"],
    ["Holm, Omar", "19830601-2397", "5000", "123 45 60", "070-174 06 08"],
]


def xlsx():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Blad1"
    sheet["A1"] = TITLE  # a title two rows above the header, as exports have
    for column, name in enumerate(HEADER, start=1):
        sheet.cell(row=3, column=column, value=name)
    for row, values in enumerate(ROWS, start=4):
        for column, value in enumerate(values, start=1):
            sheet.cell(row=row, column=column, value=value)
    book.save(os.path.join(OUT, "split-accounts.xlsx"))


def ods():
    document = OpenDocumentSpreadsheet()
    table = Table(name="Blad1")

    def row(values):
        tr = TableRow()
        for value in values:
            cell = TableCell(valuetype="string")
            if value:
                cell.addElement(P(text=value))
            tr.addElement(cell)
        table.addElement(tr)

    row([TITLE])
    row([])
    row(HEADER)
    for values in ROWS:
        row(values)
    document.spreadsheet.addElement(table)
    document.save(os.path.join(OUT, "split-accounts.ods"))


def docx_table():
    document = docx.Document()
    document.add_paragraph("Deltagare i föräldramötet")
    table = document.add_table(rows=1, cols=3)
    for cell, name in zip(table.rows[0].cells, ["Namn", "Personnummer", "Telefon"]):
        cell.text = name
    for values in [["Anna Berg", "740702-9284", "070-174 06 05"], ["Erik Lind", "781011-2396", "070-174 06 06"]]:
        cells = table.add_row().cells
        for cell, value in zip(cells, values):
            cell.text = value
    document.add_paragraph("Efter tabellen.")
    document.save(os.path.join(OUT, "table.docx"))


def docx_key_value():
    document = docx.Document()
    document.add_paragraph("Ansökan om ekonomiskt bistånd")
    table = document.add_table(rows=0, cols=2)
    for key, value in [("Sökande", "Sara Ek"), ("Personnummer", "810725-2382"),
                       ("Adress", "Björkvägen 12, 123 47 Farsta"), ("Telefon", "070-174 06 07"),
                       ("Bankkonto", "5000-123 45 60")]:
        cells = table.add_row().cells
        cells[0].text = key
        cells[1].text = value
    document.save(os.path.join(OUT, "key-value.docx"))


def csv_addresses():
    lines = ["Förnamn;Efternamn;Gatuadress;Postnr;Ort;Telefon",
             "Anna;Berg;Björkvägen 12;123 47;Farsta;070-174 06 05",
             "Erik;Lind;Kyrkogatan 5 B;753 12;Uppsala;070-174 06 06"]
    with open(os.path.join(OUT, "split-addresses.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("\r\n".join(lines) + "\r\n")


def csv_utf16_odd():
    # A UTF-16 export whose last byte is half a character (a cut file).
    data = "\ufeffNamn;Telefon\r\nAnna Berg;070-174 06 05\r\n".encode("utf-16-le")
    with open(os.path.join(OUT, "utf16-odd-byte.csv"), "wb") as f:
        f.write(data + b"\x41")


CALLS_HEADER = ["Datum", "Tid", "Namn", "Nummer", "Ärende"]
CALLS = [
    ["2024-03-04", "09:12", "Berg, Anna", "070-174 06 05", "Fråga om faktura"],
    ["2024-03-04", "10:40", "ERIK LIND", "070 174 06 06", "Felanmälan, pnr 19781011-2396"],
    ["2024-03-05", "13:05", "Sara Ek", "0701740607", "Ansökan om förskoleplats"],
]


def sqlite_table(mode_arguments):
    """The call log as the sqlite3 shell prints a query in one of its output modes."""
    values = " union all ".join(
        "select " + ", ".join("'%s' as \"%s\"" % (value, name) for value, name in zip(row, CALLS_HEADER))
        for row in CALLS)
    return subprocess.run(["sqlite3", ":memory:"] + mode_arguments + [values], check=True,
                          capture_output=True, text=True).stdout


def text_tables():
    # Fixed-width columns under a rule line (sqlite3 -column), with a title and a closing note.
    with open(os.path.join(OUT, "calls-column.txt"), "w", encoding="utf-8") as f:
        f.write("Telefonlogg vecka 10\n====================\n\n" + sqlite_table(["-header", "-column"])
                + "\nRing tillbaka till Omar Holm på 070-174 06 08.\n")
    # A Markdown table (sqlite3 -markdown): pipes at both ends and a |---| rule.
    with open(os.path.join(OUT, "calls-markdown.txt"), "w", encoding="utf-8") as f:
        f.write(sqlite_table(["-markdown"]))
    # Pipe-separated list (sqlite3 -separator ' | ') in Windows-1252, as an old system exports.
    with open(os.path.join(OUT, "calls-pipe-cp1252.txt"), "wb") as f:
        f.write(sqlite_table(["-header", "-separator", " | "]).encode("cp1252"))
    # util-linux column -t: columns aligned with two spaces, no rule line.
    semicolons = "\n".join(";".join(row) for row in [CALLS_HEADER] + CALLS) + "\n"
    aligned = subprocess.run(["column", "-t", "-s", ";"], input=semicolons, check=True,
                             capture_output=True, text=True).stdout
    with open(os.path.join(OUT, "calls-aligned.txt"), "w", encoding="utf-8") as f:
        f.write("Samtal att följa upp\n\n" + aligned)


def rtf_tables():
    """A tab-aligned class list and a key–value block, as LibreOffice Writer saves them as RTF."""
    import shutil
    import tempfile
    lines = ["Klasslista 5C", "", "Nr\tElev\tPersonnummer\tTelefon"]
    lines += ["%d\t%s\t%s\t%s" % (index + 1, row[0], row[1][2:], row[4].replace("-", "").replace(" ", ""))
              for index, row in enumerate(ROWS)]
    # A form laid out as two key–value pairs a row: each value is labelled by its key.
    lines += ["", "Uppgifter om barnet", "", "Namn\tLind, Erik\tPersonnummer\t781011-2396",
              "Telefon\t0701740606\tE-post\terik.lind@example.se",
              "Adress\tBjörkvägen 12, 123 47 Farsta\tSkola\tStenhagens skola", "", "Efter tabellen."]
    work = tempfile.mkdtemp()
    try:
        source = os.path.join(work, "class-list.txt")
        with open(source, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        subprocess.run(["soffice", "--headless", "--convert-to", "rtf", "--outdir", work, source],
                       check=True, capture_output=True)
        shutil.copy(os.path.join(work, "class-list.rtf"), os.path.join(OUT, "class-list.rtf"))
    finally:
        shutil.rmtree(work)


xlsx()
ods()
docx_table()
docx_key_value()
csv_addresses()
csv_utf16_odd()
text_tables()
rtf_tables()
