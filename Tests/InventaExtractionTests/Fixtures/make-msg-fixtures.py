#!/usr/bin/env python3
"""Regenerates the Outlook .msg fixtures (MS-OXMSG), written here byte by byte.

Outlook is not available to make them, so this script writes the compound file (MS-CFB,
version 3, 512-byte sectors, a mini stream for streams under 4096 bytes) and the
message's property streams itself, then checks every file with independent readers from
PyPI: olefile (the CFB) and, when installed, extract-msg (the message: subject, body,
sender, attachments). Seeded synthetic identity only (Skatteverket TEST personnummer,
fiction phone numbers):
  msg/good/plain.msg        sender, two recipients, subject, plain body, a .docx attachment
                            (docx/good/vector.docx) and an attached message with its own body
  msg/good/rtf-only.msg     no plain body: a compressed RTF body (MS-OXRTFCP, LZFu)
  msg/good/html-only.msg    no plain body: an HTML body
  msg/corrupted/truncated.msg, msg/corrupted/sector-loop.msg
  msg/nested/in-zip.zip     plain.msg inside a zip

Requirements: pip install olefile extract-msg. Run from anywhere:
python3 Tests/InventaExtractionTests/Fixtures/make-msg-fixtures.py
"""
import io
import os
import struct
import zipfile
import zlib

import olefile

HERE = os.path.dirname(os.path.abspath(__file__))
PNR = "19850101-2382"
PNR2 = "19850209-2383"
PNR3 = "19850330-2385"
NAME = "Tolvan Testsson"
FREESECT, ENDOFCHAIN, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


class Storage:
    def __init__(self, name):
        self.name, self.children = name, []

    def add(self, child):
        self.children.append(child)
        return child


class Stream:
    def __init__(self, name, data):
        self.name, self.data = name, data


def cfb_key(name):
    return (len(name), name.upper())


def write_cfb(root):
    """Serialises a Storage tree as a version 3 compound file."""
    entries = []  # (node, kind)

    def collect(node):
        index = len(entries)
        entries.append(node)
        if isinstance(node, Storage):
            for child in node.children:
                collect(child)
        return index

    collect(root)
    index_of = {id(n): i for i, n in enumerate(entries)}
    sectors, fat = [], []

    def chain(data):
        if not data:
            return ENDOFCHAIN
        first = len(sectors)
        count = (len(data) + 511) // 512
        for i in range(count):
            sectors.append(data[i * 512:(i + 1) * 512].ljust(512, b"\0"))
            fat.append(ENDOFCHAIN if i == count - 1 else first + i + 1)
        return first

    mini, mini_fat, starts = bytearray(), [], {}
    for node in entries:
        if isinstance(node, Stream) and len(node.data) < 4096:
            first = len(mini) // 64
            count = max(1, (len(node.data) + 63) // 64)
            for i in range(count):
                mini_fat.append(ENDOFCHAIN if i == count - 1 else first + i + 1)
            mini += node.data.ljust(count * 64, b"\0")
            starts[id(node)] = first if node.data else ENDOFCHAIN
    for node in entries:
        if isinstance(node, Stream) and len(node.data) >= 4096:
            starts[id(node)] = chain(node.data)
    mini_start = chain(bytes(mini))
    mini_fat_bytes = b"".join(struct.pack("<I", v) for v in mini_fat)
    mini_fat_start = chain(mini_fat_bytes)

    def tree(children):
        """A balanced binary search tree of siblings (all black); returns (root index, {index: (left, right)})."""
        ordered = sorted(children, key=lambda c: cfb_key(c.name))
        links = {}

        def build(lo, hi):
            if lo >= hi:
                return NOSTREAM
            mid = (lo + hi) // 2
            links[index_of[id(ordered[mid])]] = (build(lo, mid), build(mid + 1, hi))
            return index_of[id(ordered[mid])]
        return build(0, len(ordered)), links

    siblings, child_of = {}, {}
    for node in entries:
        if isinstance(node, Storage):
            top, links = tree(node.children)
            child_of[index_of[id(node)]] = top
            siblings.update(links)
    directory = bytearray()
    for i, node in enumerate(entries):
        name = node.name.encode("utf-16-le") + b"\0\0"
        kind = 5 if i == 0 else (1 if isinstance(node, Storage) else 2)
        left, right = siblings.get(i, (NOSTREAM, NOSTREAM))
        if i == 0:
            start, size = mini_start, len(mini)
        elif isinstance(node, Storage):
            start, size = 0, 0
        else:
            start, size = starts[id(node)], len(node.data)
        directory += (name.ljust(64, b"\0") + struct.pack("<HBB", len(name), kind, 1)
                      + struct.pack("<III", left, right, child_of.get(i, NOSTREAM)) + b"\0" * 16 + b"\0" * 4
                      + b"\0" * 16 + struct.pack("<IQ", start, size))
    while len(directory) % 512:
        directory += (b"\0" * 64 + struct.pack("<HBB", 0, 0, 0) + struct.pack("<III", NOSTREAM, NOSTREAM, NOSTREAM)
                      + b"\0" * 40 + struct.pack("<IQ", 0, 0))
    directory_start = chain(bytes(directory))
    fat_count = 1
    while (len(sectors) + fat_count + 127) // 128 > fat_count:
        fat_count += 1
    assert fat_count <= 109
    fat_start = len(sectors)
    fat += [FATSECT] * fat_count
    fat += [FREESECT] * (fat_count * 128 - len(fat))
    for i in range(fat_count):
        sectors.append(b"".join(struct.pack("<I", v) for v in fat[i * 128:(i + 1) * 128]))
    header = bytearray(512)
    header[0:8] = bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", header, 0x2C, fat_count, directory_start, 0, 4096, mini_fat_start,
                     (len(mini_fat_bytes) + 511) // 512, ENDOFCHAIN, 0, fat_start)
    for slot in range(1, 109):
        struct.pack_into("<I", header, 0x4C + slot * 4, fat_start + slot if slot < fat_count else FREESECT)
    return bytes(header) + b"".join(sectors)


def unicode(tag, text):
    return Stream("__substg1.0_%04X001F" % tag, text.encode("utf-16-le"))


def binary(tag, data):
    return Stream("__substg1.0_%04X0102" % tag, data)


def properties(header_length, longs):
    """__properties_version1.0: a header, then 16-byte fixed-length property entries (PT_LONG here)."""
    data = b"\0" * header_length
    for tag, value in longs:
        data += struct.pack("<HHIII", 0x0003, tag, 6, value, 0)
    return Stream("__properties_version1.0", data)


def compressed_rtf(rtf):
    """MS-OXRTFCP: LZFu with literal runs only, closed by the end-of-stream reference."""
    prologue_length = 207
    out = bytearray()
    position = prologue_length
    data = rtf
    i = 0
    while True:
        control, chunk = 0, bytearray()
        for bit in range(8):
            if i < len(data):
                chunk.append(data[i]); i += 1; position = (position + 1) % 4096
            else:
                control |= 1 << bit
                chunk += struct.pack(">H", position << 4)
                out.append(control); out += chunk
                body = bytes(out)
                crc = zlib.crc32(body, 0xFFFFFFFF) ^ 0xFFFFFFFF
                return struct.pack("<IIII", len(body) + 12, len(rtf), 0x75465A4C, crc) + body
        out.append(control); out += chunk


def message(subject, body=None, rtf=None, html=None, embedded=False, attachments=()):
    root = Storage("Root Entry")
    root.add(properties(24 if embedded else 32, [(0x0E07, 1)]))
    if not embedded:
        named = root.add(Storage("__nameid_version1.0"))  # no named properties: GUID, entry and string streams empty
        for stream in ("00020102", "00030102", "00040102"):
            named.add(Stream("__substg1.0_" + stream, b""))
    root.add(Stream("__substg1.0_001A001F", "IPM.Note".encode("utf-16-le")))
    root.add(unicode(0x0037, subject))
    root.add(unicode(0x0C1A, "Handläggare Hansson"))
    root.add(unicode(0x5D01, "handlaggare@example.se"))
    root.add(unicode(0x0C1F, "/O=KOMMUNEN/OU=EXCHANGE/CN=RECIPIENTS/CN=HANSSON"))
    root.add(unicode(0x0E04, NAME))
    if body is not None:
        root.add(unicode(0x1000, body))
    if rtf is not None:
        root.add(binary(0x1009, compressed_rtf(rtf)))
    if html is not None:
        root.add(binary(0x1013, html))
    for i, (name, kind, email, rtype) in enumerate([(NAME, "SMTP", "tolvan.testsson@example.se", 1),
                                                     ("Kopia Testsson", "SMTP", "kopia@example.se", 2)]):
        recip = root.add(Storage("__recip_version1.0_#%08X" % i))
        recip.add(properties(8, [(0x0C15, rtype)]))
        recip.add(unicode(0x3001, name)); recip.add(unicode(0x3002, kind)); recip.add(unicode(0x3003, email))
        recip.add(unicode(0x39FE, email))
    for i, attachment in enumerate(attachments):
        att = root.add(Storage("__attach_version1.0_#%08X" % i))
        if isinstance(attachment, Storage):  # an attached message
            att.add(properties(8, [(0x3705, 5)]))
            att.add(unicode(0x3001, "Vidarebefordrat")); att.add(unicode(0x3707, "Vidarebefordrat.msg"))
            attachment.name = "__substg1.0_3701000D"
            att.add(attachment)
        else:
            name, data = attachment
            att.add(properties(8, [(0x3705, 1)]))
            att.add(unicode(0x3707, name)); att.add(unicode(0x3704, name[:8])); att.add(binary(0x3701, data))
    # The top-level properties header counts recipients and attachments (MS-OXMSG 2.4.1.1).
    props = root.children[0]
    recipients = sum(c.name.startswith("__recip") for c in root.children)
    attached = sum(c.name.startswith("__attach") for c in root.children)
    if embedded:
        props.data = struct.pack("<QIIII", 0, recipients, attached, recipients, attached) + props.data[24:]
    else:
        props.data = struct.pack("<QIIIIQ", 0, recipients, attached, recipients, attached, 0) + props.data[32:]
    return root


def path(*parts):
    p = os.path.join(HERE, *parts)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    return p


def check(data, subject, body_has):
    ole = olefile.OleFileIO(data)
    assert ole.openstream("__substg1.0_0037001F").read().decode("utf-16-le") == subject
    try:
        import extract_msg
    except ImportError:
        print("extract-msg not installed: checked with olefile only")
        return
    msg = extract_msg.openMsg(data)
    assert msg.subject == subject, msg.subject
    text = (msg.body or "") + (msg.htmlBody or b"").decode("utf-8", "replace") + (msg.rtfBody or b"").decode("latin-1")
    assert body_has in text, text[:300]
    return msg


def main():
    with open(os.path.join(HERE, "docx", "good", "vector.docx"), "rb") as f:
        docx = f.read()
    inner = message("Vidarebefordrat ärende", body=f"Det vidarebefordrade meddelandet gäller {PNR3}.\r\n", embedded=True)
    plain = write_cfb(message("Ärende " + NAME,
                              body=f"Hej!\r\nÄrendet gäller {NAME}, personnummer {PNR}.\r\nRing 070-174 06 05.\r\n",
                              attachments=[("bilaga.docx", docx), inner]))
    msg = check(plain, "Ärende " + NAME, PNR)
    if msg is not None:
        names = [a.getFilename() for a in msg.attachments]
        assert "bilaga.docx" in names, names
    rtf = ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\\fs20 Anteckning om "
           + NAME + ", personnummer " + PNR2 + ".\\par}").encode("cp1252")
    rtf_only = write_cfb(message("Bara RTF", rtf=rtf))
    check(rtf_only, "Bara RTF", PNR2)
    html = f"<html><body><p>HTML-brev om <b>{NAME}</b>, {PNR3}.</p></body></html>".encode("utf-8")
    html_only = write_cfb(message("Bara HTML", html=html))
    check(html_only, "Bara HTML", PNR3)
    for name, data in (("plain.msg", plain), ("rtf-only.msg", rtf_only), ("html-only.msg", html_only)):
        with open(path("msg", "good", name), "wb") as f:
            f.write(data)
    with open(path("msg", "corrupted", "truncated.msg"), "wb") as f:
        f.write(plain[: len(plain) // 2])
    # The docx attachment is the one regular stream: point its second sector back at its first.
    ole = olefile.OleFileIO(plain)
    entry = ole.direntries[ole._find("__attach_version1.0_#00000000/__substg1.0_37010102")]
    looped = bytearray(plain)
    fat_sector = struct.unpack_from("<I", plain, 0x4C)[0]
    struct.pack_into("<I", looped, (fat_sector + 1) * 512 + (entry.isectStart + 1) * 4, entry.isectStart)
    with open(path("msg", "corrupted", "sector-loop.msg"), "wb") as f:
        f.write(bytes(looped))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        info = zipfile.ZipInfo("post/ärende.msg", date_time=(2020, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, plain)
    with open(path("msg", "nested", "in-zip.zip"), "wb") as f:
        f.write(buffer.getvalue())


if __name__ == "__main__":
    main()
