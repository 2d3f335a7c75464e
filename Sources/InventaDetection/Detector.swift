import InventaModel

/// A detector finds one kind of personal data in a text unit.
///
/// Concurrency contract: a detector is immutable after construction and `detect`
/// may be called from many threads at once. Detectors see text only, never files
/// or bytes on disk, and report spans as UTF-8 byte offsets into `unit.text`.
/// They may report matches anywhere in the text; `Detection` keeps only those that
/// start in the unit's owned range.
public protocol Detector: Sendable {
    /// Stable rule ids this detector can emit, for listings and validation.
    var ruleIDs: [String] { get }
    func detect(in text: UnsafeBufferPointer<UInt8>, findings: inout [Finding])
}
