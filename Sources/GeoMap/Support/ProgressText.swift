/// The progress line of a batch: documents and rate, and — when the inputs' total size is known —
/// the share read and the time left, estimated from the bytes read so far at the rate so far.
public enum ProgressText {
    public static func line(documents: Int, elapsed: Double, bytesRead: Int, totalBytes: Int?) -> String {
        let rate = Double(documents) / max(elapsed, 1e-6)
        var line = "geomap: \(documents) documents, \(Int(rate)) /s"
        guard let totalBytes, totalBytes > 0 else { return line }
        let fraction = min(1, Double(max(0, bytesRead)) / Double(totalBytes))
        line += ", \(Int(fraction * 100))%"
        if fraction > 0 && fraction < 1 && elapsed >= 1 {
            line += ", " + duration(elapsed * (1 - fraction) / fraction) + " left"
        }
        return line
    }

    /// `45 s`, `3 min 05 s`, `2 h 07 min`.
    public static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        if total < 60 { return "\(total) s" }
        if total < 3600 { return "\(total / 60) min " + twoDigits(total % 60) + " s" }
        return "\(total / 3600) h " + twoDigits(total % 3600 / 60) + " min"
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
