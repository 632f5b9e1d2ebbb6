/// Rows of cells laid out in aligned columns, two spaces apart, for terminal output.
public enum TextTable {
    /// Renders `rows` (the first is usually the titles); columns in `rightAligned` are padded on
    /// the left, the others on the right. Lines carry no trailing spaces.
    public static func render(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (k, cell) in row.enumerated() { widths[k] = max(widths[k], cell.count) } }
        var text = ""
        for row in rows {
            var line = ""
            for (k, cell) in row.enumerated() {
                let padding = String(repeating: " ", count: widths[k] - cell.count)
                let last = k == row.count - 1
                line += rightAligned.contains(k) ? padding + cell : cell + (last ? "" : padding)
                if !last { line += "  " }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            text += line + "\n"
        }
        return text
    }
}
