/// The default terminal format: per document, one aligned line per mention.
struct TableFormat {
    let gazetteer: Gazetteer
    /// The width the rows are cut to (a terminal's), or nil for whole rows.
    var width: Int? = nil

    func append(_ record: DocumentRecord, summary: ArticleSummary, to out: inout JSONBytes) {
        begin(id: record.id, count: record.mentions.count, to: &out)
        append(mentionsOf: record, to: &out)
        end(summary, to: &out)
    }

    /// The document's heading; `count` is nil for a document read in pieces.
    func begin(id: [UInt8], count: Int?, to out: inout JSONBytes) {
        out.bytes.append(contentsOf: Array("== ".utf8))
        out.bytes.append(contentsOf: id)
        out.bytes.append(contentsOf: Array((count.map { " (\($0) mentions)\n" } ?? " (large document, aligned piece by piece)\n").utf8))
    }

    /// Rows for mentions whose byte offsets point into `text`; the column titles come first when
    /// `written` is 0.
    func append(mentionsOf record: DocumentRecord, to out: inout JSONBytes) {
        var rows: [[String]] = record.written == 0 ? [["text", "offsets", "kind", "place", "type", "country", "admin-1", "lat", "lon", "conf", "runner-up"]] : []
        for mention in record.mentions {
            let surface = String(decoding: record.text[mention.byteStart..<mention.byteEnd], as: UTF8.self)
            var row = [surface, "\(mention.start)-\(mention.end)", mention.role.name]
            if let entry = mention.entry {
                let fields = EntryFields(entry, in: gazetteer)
                row += [fields.nameCell, fields.kind.description, fields.country, fields.admin1,
                        format(fields.lat), fields.lonCell(format(fields.lon))]
            } else if let coordinate = mention.coordinate {
                row += ["(" + coordinate.form.name + ")", "", "", "", format(coordinate.point.lat), format(coordinate.point.lon)]
            } else {
                row += ["(no place)", "", "", "", "", ""]
            }
            row.append(format(mention.confidence, places: 2))
            row.append(mention.runnerUp.map { gazetteer.name($0) + " (" + format(mention.runnerUpProbability, places: 2) + ")" } ?? "")
            rows.append(row)
        }
        out.bytes.append(contentsOf: Array(TextTable.render(rows, maxWidth: width, cutFirst: [0, 3, 6, 10]).utf8))
    }

    func end(_ summary: ArticleSummary, to out: inout JSONBytes) {
        if !summary.focus.isEmpty {
            let focus = summary.focus.map { gazetteer.name($0.entry) + " " + format($0.share * 100, places: 0) + "%" }
            out.bytes.append(contentsOf: Array(("focus: " + focus.joined(separator: ", ") + "\n").utf8))
        }
        out.bytes.append(0x0A)
    }

    private func format(_ value: Double, places: Int = 4) -> String {
        var json = JSONBytes(capacity: 16)
        json.decimal(value, places: places)
        return String(decoding: json.bytes, as: UTF8.self)
    }
}
