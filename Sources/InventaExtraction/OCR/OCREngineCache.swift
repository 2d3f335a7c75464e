#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The calling thread's own `OCREngine`: created on first use on that thread, freed by
/// the thread-specific-data destructor when the thread ends, never seen by another
/// thread. A thread whose languages could not be loaded remembers that, so a share full
/// of scans does not try to load missing data once per page.
enum OCREngineCache {
    /// One slot per thread: the engine for one language set (a scan uses one).
    private final class Slot {
        let key: String
        let engine: OCREngine?
        init(key: String, engine: OCREngine?) {
            self.key = key
            self.engine = engine
        }
    }

    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            // Runs on the ending thread itself, so the handle is freed where it was made.
            guard let pointer else { return }
            Unmanaged<AnyObject>.fromOpaque(pointer).release()
        }
        return key
    }()

    /// This thread's engine for `options`, or nil when tesseract or the language data is missing.
    static func engine(for options: OCROptions) -> OCREngine? {
        let key = options.languages + "\u{0}" + (options.dataPath ?? "")
        if let raw = pthread_getspecific(threadKey) {
            let slot = Unmanaged<AnyObject>.fromOpaque(raw).takeUnretainedValue() as! Slot
            if slot.key == key { return slot.engine }
            Unmanaged<AnyObject>.fromOpaque(raw).release()
        }
        let slot = Slot(key: key, engine: OCREngine(languages: options.languages, dataPath: options.dataPath))
        pthread_setspecific(threadKey, Unmanaged<AnyObject>.passRetained(slot as AnyObject).toOpaque())
        _ = releaseAtExit
        return slot.engine
    }

    /// The main thread never runs thread-specific destructors (the process exits), and
    /// tesseract's global cache complains on stderr about handles alive at exit; so the
    /// main thread's engine (`inventa extract`, `explain`) is freed by an exit handler,
    /// registered after tesseract's cache exists and therefore run before its destructor.
    private static let releaseAtExit: Bool = {
        atexit {
            // Runs on the thread that exits the process: its engine is the one still alive.
            guard let raw = pthread_getspecific(OCREngineCache.threadKey) else { return }
            pthread_setspecific(OCREngineCache.threadKey, nil)
            Unmanaged<AnyObject>.fromOpaque(raw).release()
        }
        return true
    }()
}
