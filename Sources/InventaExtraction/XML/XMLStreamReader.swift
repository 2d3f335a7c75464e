import CLibXML2

/// A forward-only XML reader over libxml2's `xmlTextReader`: one node at a time, never
/// a tree, so a 500 MB spreadsheet part costs a few buffers of memory.
///
/// Safe for hostile input: parsed with `XML_PARSE_NONET` (no network), without
/// `XML_PARSE_NOENT`, `XML_PARSE_DTDLOAD` or `XML_PARSE_DTDATTR`, so external entities
/// and DTDs are never fetched and entity references are never expanded (no XXE, no
/// billion laughs): an entity reference reads as nothing. Errors are not printed.
///
/// Ownership: the libxml2 handle lives and dies inside one reader object, which one
/// worker creates, uses and drops; it is not Sendable.
public final class XMLStreamReader {
    /// libxml2 node types the extractors care about (`xmlReaderTypes`).
    public enum NodeType: Int32 {
        case element = 1, text = 3, cdata = 4, entityReference = 5, whitespace = 13, significantWhitespace = 14
        case endElement = 15, other = 0
    }

    /// Initialises libxml2 once per process, whichever thread asks first (see `Extraction.prepareLibraries`).
    static let libraryReady: Bool = {
        xmlInitParser()
        return true
    }()

    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)

    private let reader: OpaquePointer
    private let input: InputBox
    private var names: [UnsafeRawPointer: String] = [:]
    private let partName: String

    /// A reader over `stream`, named `partName` in error messages.
    public init(stream: ByteStream, partName: String) throws(ExtractionError) {
        _ = XMLStreamReader.libraryReady
        let box = InputBox(stream)
        let context = Unmanaged.passUnretained(box).toOpaque()
        guard let reader = xmlReaderForIO(xmlStreamRead, nil, context, nil, nil, XMLStreamReader.options) else {
            throw ExtractionError.corrupt("\(partName): cannot start the XML reader")
        }
        self.reader = reader
        self.input = box
        self.partName = partName
    }

    /// A reader over bytes in memory.
    public convenience init(bytes: [UInt8], partName: String) throws(ExtractionError) {
        try self.init(stream: ArrayByteStream(bytes), partName: partName)
    }

    deinit { xmlFreeTextReader(reader) }

    /// Moves to the next node; false at the end of the document. Malformed XML throws
    /// `corrupt`, and an error from the underlying stream (a limit, say) is rethrown as is.
    public func read() throws(ExtractionError) -> Bool {
        let result = xmlTextReaderRead(reader)
        if let error = input.error { throw error }
        if result == 1 { return true }
        if result == 0 { return false }
        throw ExtractionError.corrupt("\(partName): \(XMLStreamReader.lastErrorMessage() ?? "malformed XML")")
    }

    public var nodeType: NodeType { NodeType(rawValue: xmlTextReaderNodeType(reader)) ?? .other }

    /// The node's name without prefix (`t` for `w:t`), interned so repeated names cost nothing.
    public var localName: String {
        guard let pointer = xmlTextReaderConstLocalName(reader) else { return "" }
        let key = UnsafeRawPointer(pointer)
        if let name = names[key] { return name }
        let name = String(cString: pointer)
        names[key] = name
        return name
    }

    /// True for `<x/>`, which has no end-element node.
    public var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    /// Element depth, 0 for the root.
    public var depth: Int { Int(xmlTextReaderDepth(reader)) }

    /// The text of a text, CDATA or whitespace node.
    public var value: String {
        guard let pointer = xmlTextReaderConstValue(reader) else { return "" }
        return String(cString: pointer)
    }

    /// The value of the current element's attribute with this local name, whatever its prefix.
    /// `namespaced` asks for one in some namespace (`r:id`, not a plain `id` beside it).
    public func attribute(_ localName: String, namespaced: Bool = false) -> String? {
        guard xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return nil }
        defer { xmlTextReaderMoveToElement(reader) }
        repeat {
            if let name = xmlTextReaderConstLocalName(reader), XMLStreamReader.equals(name, localName),
               !namespaced || xmlTextReaderConstNamespaceUri(reader) != nil,
               let value = xmlTextReaderConstValue(reader) {
                return String(cString: value)
            }
        } while xmlTextReaderMoveToNextAttribute(reader) == 1
        return nil
    }

    /// Skips the current element's subtree, leaving the reader on its last node.
    public func skipSubtree() throws(ExtractionError) {
        guard nodeType == .element, !isEmptyElement else { return }
        let start = depth
        while try read() {
            if nodeType == .endElement && depth == start { return }
        }
    }

    private static func equals(_ cString: UnsafePointer<xmlChar>, _ name: String) -> Bool {
        var index = 0
        for byte in name.utf8 {
            if cString[index] != byte { return false }
            index += 1
        }
        return cString[index] == 0
    }

    private static func lastErrorMessage() -> String? {
        guard let error = xmlGetLastError(), let message = error.pointee.message else { return nil }
        var text = String(cString: message)
        while text.last == "\n" || text.last == " " { text.removeLast() }
        return "\(text) (line \(error.pointee.line))"
    }
}

/// The stream behind an `xmlReaderForIO` reader, and the first error it raised.
private final class InputBox {
    let stream: ByteStream
    var error: ExtractionError?

    init(_ stream: ByteStream) {
        self.stream = stream
    }
}

/// libxml2's read callback: fills its buffer from the box's stream; -1 stops parsing.
private func xmlStreamRead(_ context: UnsafeMutableRawPointer?, _ buffer: UnsafeMutablePointer<CChar>?, _ length: Int32) -> Int32 {
    guard let context, let buffer, length > 0 else { return -1 }
    let box = Unmanaged<InputBox>.fromOpaque(context).takeUnretainedValue()
    if box.error != nil { return -1 }
    do {
        return Int32(try box.stream.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: Int(length))))
    } catch {
        box.error = error
        return -1
    }
}
