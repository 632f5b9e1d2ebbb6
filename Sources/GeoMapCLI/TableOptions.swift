import ArgumentParser
import GeoMap

/// `--wide`, for the commands that print tables: on a terminal tables are cut to its width.
struct TableOptions: ParsableArguments {
    @Flag(name: .long, help: "Print tables whole, however wide (on a terminal they are cut to its width).")
    var wide = false

    /// The width to cut tables to, or nil for whole tables.
    var width: Int? { wide ? nil : TerminalWidth.forStandardOutput() }
}
