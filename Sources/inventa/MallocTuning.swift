#if canImport(Glibc)
import Glibc
#endif

/// Gives `inventa scan` a larger glibc per-thread allocation cache by re-executing the
/// process once with `GLIBC_TUNABLES=glibc.malloc.tcache_count=1000` (decision 0850).
///
/// Why: poppler builds and frees millions of small objects per PDF page. In a
/// multi-threaded process (a scan always has a crawler worker and the report writer),
/// every allocation that misses glibc's per-thread cache (7 chunks per size by default)
/// takes the locked arena path; `pdftotext`, single-threaded, does not pay that. A
/// cache of 1 000 chunks cut the CPU time of a PDF scan by about a quarter. glibc reads
/// this tunable only at process start and `mallopt` has no equivalent, hence the re-exec.
///
/// What it does not do: it never overrides a `GLIBC_TUNABLES` the user set, never runs
/// for setuid/secure-mode processes (glibc would drop the variable), runs only for
/// `scan`, and if the re-exec fails (no `/proc`) the scan simply continues untuned.
enum MallocTuning {
    static let tunables = "glibc.malloc.tcache_count=1000"

    /// Call first thing in `main`, before any thread starts. Returns only if no re-exec happened.
    static func applyForScan(arguments: [String] = CommandLine.arguments) {
        #if os(Linux)
        guard arguments.count > 1, arguments[1] == "scan" else { return }
        guard getenv("GLIBC_TUNABLES") == nil, getuid() == geteuid(), getgid() == getegid() else { return }
        setenv("GLIBC_TUNABLES", tunables, 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        unsetenv("GLIBC_TUNABLES") // execv returned, so it failed: carry on as we are
        #endif
    }
}
