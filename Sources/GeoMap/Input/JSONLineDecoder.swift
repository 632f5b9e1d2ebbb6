/// Decodes one JSON Lines record as `DocumentReader` reads it: a byte-order mark dropped on the
/// first line, trailing white space and `\r` ignored, blank lines skipped, the text made valid
/// UTF-8. A value with reusable buffers; each worker has its own.
struct JSONLineDecoder {
    enum Outcome {
        case blank
        case failed(JSONLineRecord.Problem)
        /// The record is in `id` and `text`; `repaired` when the text was not valid UTF-8.
        case record(hasID: Bool, repaired: Bool)
    }

    private var record = JSONLineRecord()
    private var repairedText: [UInt8] = []
    private var lineID: [UInt8] = []
    private var usesRepairedText = false
    private var usesLineID = false

    /// The record's id: its `id`, or `PATH:LINE` when it has none (unique across files, and the
    /// name the warnings give the line; the reader still checks it against the ids seen).
    var id: [UInt8] { usesLineID ? lineID : record.id }
    /// The record's text, valid UTF-8.
    var text: [UInt8] { usesRepairedText ? repairedText : record.text }

    mutating func decode(_ line: ByteView, lineNumber: Int, path: String) -> Outcome {
        var trimmed = line
        if lineNumber == 1, trimmed.starts(with: DocumentReader.utf8BOM) {
            trimmed = trimmed.extracting(from: 3)
        }
        while let last = trimmed.last, last == 0x0D || last == 0x20 || last == 0x09 {
            trimmed = trimmed.extracting(0..<(trimmed.count - 1))
        }
        guard !trimmed.isEmpty else { return .blank }
        do throws(JSONLineRecord.Problem) {
            try record.parse(trimmed)
        } catch {
            return .failed(error)
        }
        usesLineID = !record.hasID
        if usesLineID {
            lineID.removeAll(keepingCapacity: true)
            lineID.append(contentsOf: path.utf8)
            lineID.append(UInt8(ascii: ":"))
            lineID.append(contentsOf: String(lineNumber).utf8)
        }
        usesRepairedText = !isValidUTF8(record.text)
        if usesRepairedText { repairedText = repairedUTF8(record.text) }
        return .record(hasID: record.hasID, repaired: usesRepairedText)
    }
}
