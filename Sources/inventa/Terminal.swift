import ArgumentParser
import InventaModel
#if canImport(Glibc)
import Glibc
#endif

/// What the command's output goes to: a terminal (then tables fit its width and colour may
/// be used) or a pipe or file (then everything is written in full and plain). Colour follows
/// `--color auto|always|never`; `auto` means stdout/stderr is a terminal, `TERM` is not `dumb`
/// and `NO_COLOR` is unset or empty (https://no-color.org).
enum Terminal {
    enum ColorMode: String, ExpressibleByArgument, CaseIterable, Sendable { case auto, always, never }

    private static let mode = Locked(ColorMode.auto)

    /// Set once by a command from its `--color` option, before it prints.
    static func use(_ colorMode: ColorMode) { mode.withLock { $0 = colorMode } }

    static func colorEnabled(fd: Int32 = STDOUT_FILENO) -> Bool {
        switch mode.withLock({ $0 }) {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
            if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
            return isatty(fd) == 1
        }
    }

    /// The width of the terminal on `fd`, or nil when `fd` is not a terminal (full output).
    /// `COLUMNS` overrides what the terminal reports, as in other tools.
    static func width(fd: Int32 = STDOUT_FILENO) -> Int? {
        guard isatty(fd) == 1 else { return nil }
        if let columns = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), columns > 0 { return columns }
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    static func paint(_ text: String, _ code: String, fd: Int32 = STDOUT_FILENO) -> String {
        colorEnabled(fd: fd) ? "\u{1B}[\(code)m" + text + "\u{1B}[0m" : text
    }
}

/// `--color`, shared by the commands that print to a terminal.
struct ColorOption: ParsableArguments {
    @Option(name: .long, help: "Colour: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: Terminal.ColorMode = .auto
}
