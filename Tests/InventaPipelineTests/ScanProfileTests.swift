import Testing
import InventaPipeline

@Suite struct ScanProfileTests {
    @Test func readsAFullProfile() throws {
        let profile = try ScanProfile.parse("""
            roots = ["/srv/share", "data"]
            report = "kommun.sqlite"
            key_file = "/etc/inventa/hmac.key"
            jobs = 4
            verify_content = true
            [crawl]
            exclude = ["~$*", "**/.snapshot/**"]
            include = ["**/*.docx"]
            hidden = true
            one_file_system = true
            [limits]
            max_file_size = "500M"
            max_depth = 3
            max_pages = 2000
            max_text_per_file = "64M"
            timeout_per_file = 90
            [departments]
            fallback = "Ej klassad"
            [[department]]
            match = "/srv/share/soc/**"
            name = "Socialförvaltningen"
            [[department]]
            match = "/srv/share/bun"
            name = "Barn- och utbildningsförvaltningen"
            """, path: "/etc/inventa/kommun.toml")
        #expect(profile.roots == ["/srv/share", "/etc/inventa/data"])
        #expect(profile.report == "/etc/inventa/kommun.sqlite")
        #expect(profile.jobs == 4)
        #expect(profile.verifyContent == true)
        #expect(profile.excludes == ["~$*", "**/.snapshot/**"])
        #expect(profile.includes == ["**/*.docx"])
        #expect(profile.hidden == true && profile.oneFileSystem == true && profile.followSymlinks == nil)
        #expect(profile.maxFileSize == 500 << 20)
        #expect(profile.maxDepth == 3 && profile.maxPages == 2000 && profile.maxTextPerFile == 64 << 20 && profile.timeoutPerFile == 90)
        #expect(profile.departments.rules.map(\.department) == ["Socialförvaltningen", "Barn- och utbildningsförvaltningen"])
        #expect(profile.departments.department(root: "/srv/share", relativePath: "x") == "Ej klassad")
    }

    @Test(arguments: [
        ("roots = [\"/a\"]\nrepot = \"x\"", "p.toml: key 'repot': unknown key; did you mean 'report'?"),
        ("exclude = [\"x\"]", "p.toml: key 'exclude': belongs in the [crawl] section; move it below a [crawl] line"),
        ("[crawl]\nexclud = [\"x\"]", "p.toml: key 'crawl.exclud': unknown key; did you mean 'crawl.exclude'?"),
        ("jobs = \"four\"", "p.toml: key 'jobs': expected an integer, found string; write a whole number, e.g. jobs = 4"),
        ("jobs = 0", "p.toml: key 'jobs': 0 is out of range; use a number from 1 to 1024"),
        ("roots = [\"/a\", 3]", "p.toml: key 'roots[2]': expected a string, found integer; put the value in double quotes"),
        ("[limits]\nmax_file_size = \"lots\"", "p.toml: key 'limits.max_file_size': 'lots' is not a size; write e.g. \"500M\" or \"2G\""),
        ("[limits]\nmax_depth = 500", "p.toml: key 'limits.max_depth': 500 is out of range; use a number from 0 to 100"),
        ("[limits]\ntimeout_per_file = \"soon\"", "p.toml: key 'limits.timeout_per_file': expected a number, found string; write e.g. timeout_per_file = 120"),
        ("[limits]\nmax_pages = 0", "p.toml: key 'limits.max_pages': 0 is out of range; use 1 or more"),
        ("[limits]\nmax_page = 10", "p.toml: key 'limits.max_page': unknown key; did you mean 'limits.max_pages'?"),
        ("[[department]]\nname = \"Soc\"", "p.toml: key 'department[1].match': missing; add match = \"//fs01/soc/**\" (a path prefix or glob)"),
        ("[[department]]\nmatch = \"/soc\"\nnamn = \"Soc\"", "p.toml: key 'department[1].namn': unknown key; did you mean 'department[1].name'?"),
        ("rules = \"/no/such/folder\"", "p.toml: key 'rules': '/no/such/folder' is not a folder; name the folder that holds the rule files"),
    ])
    func rejectsWithAPreciseMessage(text: String, message: String) {
        #expect(throws: ProfileError.self) { try ScanProfile.parse(text, path: "p.toml") }
        do {
            _ = try ScanProfile.parse(text, path: "p.toml")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func syntaxErrorsNameTheLine() {
        do {
            _ = try ScanProfile.parse("roots = [\"/a\"\njobs = 2", path: "p.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("p.toml: line "))
        }
    }
}
