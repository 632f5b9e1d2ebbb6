/// Rows of cells laid out in aligned columns, two spaces apart, for terminal output.
public enum TextTable {
    /// The narrowest a column is cut to when a table must fit a width.
    public static let minimumColumnWidth = 3
    /// The narrowest a `cutFirst` column is cut to before the other columns are cut.
    public static let preferredMinimumWidth = 8

    /// Renders `rows` (the first is usually the titles); columns in `rightAligned` are padded on
    /// the left, the others on the right. Lines carry no trailing spaces. With `maxWidth`, a table
    /// wider than that is made to fit by narrowing the widest column one character at a time:
    /// first the `cutFirst` columns (names, free text) down to `preferredMinimumWidth`, then any
    /// column down to `minimumColumnWidth` (so a very narrow width can still be exceeded); a cell
    /// longer than its column is cut, its last character `…`.
    public static func render(_ rows: [[String]], rightAligned: Set<Int> = [], maxWidth: Int? = nil, cutFirst: Set<Int> = []) -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (k, cell) in row.enumerated() { widths[k] = max(widths[k], cell.count) } }
        if let maxWidth {
            fit(&widths, into: maxWidth, columns: cutFirst, minimum: preferredMinimumWidth)
            fit(&widths, into: maxWidth, columns: Set(widths.indices), minimum: minimumColumnWidth)
        }
        var text = ""
        for row in rows {
            var line = ""
            for (k, whole) in row.enumerated() {
                let cell = whole.count > widths[k] ? String(whole.prefix(max(0, widths[k] - 1))) + "…" : whole
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

    /// Narrows the widest of `columns` until the line (columns and the gaps between them) fits or
    /// none of them is wider than `minimum`.
    static func fit(_ widths: inout [Int], into maxWidth: Int, columns: Set<Int>, minimum: Int) {
        var total = widths.reduce(0, +) + 2 * max(0, widths.count - 1)
        while total > maxWidth {
            guard let widest = columns.filter({ $0 < widths.count }).max(by: { (widths[$0], $1) < (widths[$1], $0) }),
                  widths[widest] > minimum else { return }
            widths[widest] -= 1
            total -= 1
        }
    }
}
