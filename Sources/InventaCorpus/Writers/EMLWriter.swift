import Foundation

/// RFC 5322 e-mails as an Outlook export writes them: RFC 2047 encoded names and
/// subject, a quoted-printable UTF-8 body and base64 attachments in
/// multipart/mixed. The boundary and Message-ID come from the seed; the date is fixed.
enum EMLWriter {
    struct Attachment {
        var name: String
        var contentType: String
        var bytes: [UInt8]
    }

    static func eml(_ document: Document, attachments: [Attachment], token: String, date: String) -> [UInt8] {
        guard let mail = document.mail else { return [] }
        let boundary = "----=_Part_\(token)"
        var out = "From: \(mailbox(mail.fromName, mail.fromAddress))\r\n"
        out += "To: \(mailbox(mail.toName, mail.toAddress))\r\n"
        out += "Subject: \(encodedWord(mail.subject, base64: true))\r\n"
        out += "Date: \(date)\r\n"
        out += "Message-ID: <\(token)@exempelby.example.org>\r\n"
        out += "MIME-Version: 1.0\r\n"
        out += "Content-Type: multipart/mixed; boundary=\"\(boundary)\"\r\n\r\n"
        out += "This is a multi-part message in MIME format.\r\n\r\n"
        out += "--\(boundary)\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        out += quotedPrintable(Markup.lines(document).joined(separator: "\n")) + "\r\n"
        for attachment in attachments {
            out += "--\(boundary)\r\nContent-Type: \(attachment.contentType); name=\"\(attachment.name)\"\r\n"
            out += "Content-Disposition: attachment; filename=\"\(attachment.name)\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            let encoded = Data(attachment.bytes).base64EncodedString()
            var index = encoded.startIndex
            while index < encoded.endIndex {
                let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
                out += encoded[index..<end] + "\r\n"
                index = end
            }
        }
        out += "--\(boundary)--\r\n"
        return Array(out.utf8)
    }

    static func mailbox(_ name: String, _ address: String) -> String {
        name.allSatisfy(\.isASCII) ? "\"\(name)\" <\(address)>" : "\(encodedWord(name, base64: false)) <\(address)>"
    }

    /// `=?UTF-8?B?…?=` or `=?UTF-8?Q?…?=`; ASCII text is left as it is.
    static func encodedWord(_ text: String, base64: Bool) -> String {
        guard !text.allSatisfy(\.isASCII) else { return text }
        if base64 { return "=?UTF-8?B?\(Data(text.utf8).base64EncodedString())?=" }
        let q = text.utf8.map { byte -> String in
            if byte == 0x20 { return "_" }
            if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) {
                return String(UnicodeScalar(byte))
            }
            return String(format: "=%02X", byte)
        }.joined()
        return "=?UTF-8?Q?\(q)?="
    }

    /// Quoted-printable with CRLF line ends and soft breaks before 76 characters.
    static func quotedPrintable(_ text: String) -> String {
        var out = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var encodedLine = ""
            var length = 0
            for byte in line.utf8 {
                let piece = (byte == 0x3D || byte >= 0x80 || byte < 0x20) ? String(format: "=%02X", byte) : String(UnicodeScalar(byte))
                if length + piece.count > 75 {
                    encodedLine += "=\r\n"
                    length = 0
                }
                encodedLine += piece
                length += piece.count
            }
            out += encodedLine + "\r\n"
        }
        return out
    }
}
