import InventaCrawl
import Testing

@Suite struct GlobTests {
    @Test("matches", arguments: [
        ("**/~$*", "a/b/~$doc.docx", true),
        ("**/~$*", "~$doc.docx", true),
        ("~$*", "deep/er/~$doc.docx", true),
        ("*.tmp", "x/y.tmp", true),
        ("*.tmp", "x/y.tmp.txt", false),
        ("Socialförvaltningen/**", "Socialförvaltningen/Ärenden/2019/a.txt", true),
        ("Socialförvaltningen/*", "Socialförvaltningen/Ärenden/a.txt", false),
        ("a/**/z.txt", "a/z.txt", true),
        ("a/**/z.txt", "a/b/c/z.txt", true),
        ("a/?.txt", "a/b.txt", true),
        ("a/?.txt", "a/bc.txt", false),
        ("[Tt]emp", "x/Temp", true),
        ("[!T]emp", "x/Temp", false),
        ("backup-[0-9]*", "backup-2019.zip", true),
    ])
    func matches(pattern: String, path: String, expected: Bool) {
        #expect(Glob(pattern).matches(path) == expected)
    }
}
