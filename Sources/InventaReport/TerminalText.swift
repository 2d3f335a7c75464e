/// Text from the scanned share (file names above all) made safe to print to a terminal.
/// Anyone who can write to the share chooses its file names, and a name may hold an escape
/// sequence (`ESC [ 2 J` clears the screen, others retitle the window or move the cursor),
/// a carriage return or a newline (a forged line of `report files` or of an error), or a
/// bidirectional override that shows the name's end first. Each such character is shown as
/// a visible escape instead: `\n`, `\r`, `\t`, `\x1B` for the other C0 controls and DEL,
/// `\u{9B}` for C1 controls and the bidi controls. Everything else, Swedish letters included,
/// passes unchanged. Not for CSV or JSON output (those are data, quoted by their own rules).
public enum TerminalText {
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += scalar.value < 0x80 ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{" + hex + "}"
            }
        }
        return out
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true           // C0, DEL, C1 (0x9B is a one-byte CSI)
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true  // bidi marks, embeddings, overrides, isolates
        default: return false
        }
    }
}
