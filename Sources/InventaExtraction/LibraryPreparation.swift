import CLibXML2

extension Extraction {
    /// Initialises the C libraries extraction uses. Call once on the main thread before
    /// worker threads start (libxml2's global state is set up lazily and not safely so
    /// from several threads at once). Calling it again is harmless.
    public static func prepareLibraries() {
        _ = XMLStreamReader.libraryReady
    }
}
