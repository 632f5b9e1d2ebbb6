#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The width tables are cut to: standard output's terminal width (TIOCGWINSZ), else `$COLUMNS`,
/// else 80 — only when standard output is a terminal. A pipe or a file gets every cell whole
/// (nil), so scripts and saved outputs do not change with the window they ran in.
public enum TerminalWidth {
    public static let fallback = 80

    public static func forStandardOutput() -> Int? {
        guard isatty(1) != 0 else { return nil }
        return columns(descriptor: 1, environment: getenv("COLUMNS").map { String(cString: $0) })
    }

    /// The width of the terminal on `descriptor`, else `environment` (a `$COLUMNS` value) when it
    /// is a positive number, else `fallback`.
    static func columns(descriptor: Int32, environment: String?) -> Int {
        var size = winsize()
        if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 { return Int(size.ws_col) }
        if let environment, let columns = Int(environment), columns > 0 { return columns }
        return fallback
    }
}
