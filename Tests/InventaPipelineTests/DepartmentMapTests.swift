import Testing
import InventaPipeline

@Suite struct DepartmentMapTests {
    static let map = DepartmentMap(rules: [
        .init(pattern: "//fs01/soc/**", department: "Socialförvaltningen"),
        .init(pattern: "/srv/share/bun", department: "Barn- och utbildningsförvaltningen"),
        .init(pattern: "/srv/share/*/ekonomi/**", department: "Ekonomienheten"),
        .init(pattern: "/srv/share", department: "Kommunstyrelsen"),
        .init(pattern: "personal", department: "HR"),
    ])

    @Test(arguments: [
        ("//fs01/soc", "barn/utredning.docx", "Socialförvaltningen"),         // glob
        ("\\\\FS01\\SOC", "a.txt", "Socialförvaltningen"),                     // backslashes, case
        ("/srv/share", "bun/skola/elev.xlsx", "Barn- och utbildningsförvaltningen"), // prefix
        ("/srv/share/", "bun", "Barn- och utbildningsförvaltningen"),          // prefix, exact
        ("/srv/share", "bunker/x.txt", "Kommunstyrelsen"),                     // prefix ends at a folder boundary
        ("/srv/share", "kf/ekonomi/2024.xlsx", "Ekonomienheten"),              // glob in the middle
        ("/srv/share", "kf/protokoll.pdf", "Kommunstyrelsen"),                 // first match wins: later, wider rule
        ("/home/x/personal", "lön.xlsx", "HR"),                                // bare folder name anywhere
        ("/mnt/other", "x.txt", "Okänd"),                                      // fallback
    ])
    func mapsPaths(root: String, path: String, expected: String) {
        #expect(Self.map.department(root: root, relativePath: path) == expected)
    }

    @Test func fallbackIsConfigurable() {
        let map = DepartmentMap(rules: [], fallback: "Ej klassad")
        #expect(map.department(root: "/x", relativePath: "y") == "Ej klassad")
    }
}
