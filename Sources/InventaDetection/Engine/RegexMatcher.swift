import CPCRE2
import InventaRules

/// A PCRE2 pattern compiled once, JIT-compiled when the platform allows, in UTF-8
/// mode. The compiled code is immutable and shared by all threads; match data is
/// not thread-safe, so every call allocates its own (one small allocation per text
/// unit, not per match). Never Swift `Regex` or `NSRegularExpression`: see TOOLCHAIN.md.
final class RegexMatcher: @unchecked Sendable {
    private let code: OpaquePointer
    private let jitCompiled: Bool
    let pattern: String

    init(pattern: String) throws(PatternError) {
        var errorCode: Int32 = 0
        var errorOffset = 0
        let compiled = pattern.withCString { pointer in
            pointer.withMemoryRebound(to: UInt8.self, capacity: pattern.utf8.count) {
                pcre2_compile_8($0, pattern.utf8.count, PatternCheck.compileOptions, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            if case .failure(let error) = PatternCheck.check(pattern) { throw error }
            throw PatternError(message: "error \(errorCode)", offset: errorOffset)
        }
        // JIT failure (e.g. no executable memory) leaves the interpreter, which still works.
        jitCompiled = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
        self.code = compiled
        self.pattern = pattern
    }

    deinit { pcre2_code_free_8(code) }

    /// Calls `visit` with the byte range of capture `group` of every non-overlapping match.
    /// `text` must be valid UTF-8 (it comes from a Swift `String`), so the UTF check is skipped.
    func matches(in text: UnsafeBufferPointer<UInt8>, group: Int = 0, visit: (Range<Int>) -> Void) {
        guard let base = text.baseAddress, let data = pcre2_match_data_create_from_pattern_8(code, nil) else { return }
        defer { pcre2_match_data_free_8(data) }
        var offset = 0
        while offset <= text.count {
            // `pcre2_jit_match` is the documented fast path for JIT-compiled patterns: it skips
            // `pcre2_match`'s checks, which cost more than the search in a spreadsheet cell.
            let result = jitCompiled
                ? pcre2_jit_match_8(code, base, text.count, offset, UInt32(PCRE2_NO_UTF_CHECK), data, nil)
                : pcre2_match_8(code, base, text.count, offset, UInt32(PCRE2_NO_UTF_CHECK), data, nil)
            guard result > 0, let vector = pcre2_get_ovector_pointer_8(data) else { return }
            let start = vector[0], end = vector[1]
            if Int(result) > group {
                let groupStart = vector[2 * group], groupEnd = vector[2 * group + 1]
                if groupStart != PCRE2_UNSET_VALUE && groupEnd > groupStart { visit(groupStart..<groupEnd) }
            }
            offset = end > start ? end : nextCharacter(after: start, in: text)
        }
    }

    /// True when the pattern matches somewhere in `value`.
    func matches(_ value: String) -> Bool {
        var found = false
        var copy = value
        copy.withUTF8 { bytes in
            if bytes.isEmpty {
                let empty: [UInt8] = [0]
                empty.withUnsafeBufferPointer { buffer in
                    matches(in: UnsafeBufferPointer(rebasing: buffer[0..<0])) { _ in found = true }
                }
            } else {
                matches(in: bytes) { _ in found = true }
            }
        }
        return found
    }

    private func nextCharacter(after index: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var next = index + 1
        while next < text.count && text[next] & 0xC0 == 0x80 { next += 1 }
        return next
    }

    /// `PCRE2_UNSET` (`~(size_t)0`), as `size_t` imports into Swift (`Int`).
    private var PCRE2_UNSET_VALUE: Int { Int(bitPattern: UInt.max) }
}
