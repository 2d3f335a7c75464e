import CPCRE2

/// Compiles a PCRE2 pattern once to check it, so a bad regex is reported when the
/// rule set is loaded (with PCRE2's own message and offset), not when the first
/// text unit is scanned. The detection engine compiles it again with JIT; this
/// check keeps no compiled code.
public enum PatternCheck {
    /// Options every rule pattern is compiled with, here and in the engine: UTF-8 mode.
    public static let compileOptions: UInt32 = UInt32(PCRE2_UTF)

    /// The number of capture groups, or PCRE2's error message with the offset.
    public static func check(_ pattern: String) -> Result<Int, PatternError> {
        var errorCode: Int32 = 0
        var errorOffset = 0
        let code = pattern.withCString { pointer in
            pointer.withMemoryRebound(to: UInt8.self, capacity: pattern.utf8.count) {
                pcre2_compile_8($0, pattern.utf8.count, compileOptions, &errorCode, &errorOffset, nil)
            }
        }
        guard let code else {
            var buffer = [UInt8](repeating: 0, count: 256)
            let length = pcre2_get_error_message_8(errorCode, &buffer, buffer.count)
            let message = length > 0 ? String(decoding: buffer.prefix(Int(length)), as: UTF8.self) : "error \(errorCode)"
            return .failure(PatternError(message: message, offset: errorOffset))
        }
        defer { pcre2_code_free_8(code) }
        var captures: UInt32 = 0
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_CAPTURECOUNT), &captures)
        return .success(Int(captures))
    }
}

/// Why PCRE2 refused a pattern.
public struct PatternError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var offset: Int

    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { "\(message) at offset \(offset)" }
}
