extension OutputFormat {
    /// The format `extract -o PATH` writes when `--format` is not given, from the path's extension
    /// (any letter case): `.csv` csv, `.json` json, `.jsonl` and `.ndjson` jsonl, `.txt` the table;
    /// any other name JSON Lines, as without `-o`. `.geojson` and `.tsv` name formats `extract`
    /// does not write: a usage error that says what to use instead.
    public static func forOutputPath(_ path: String) throws -> OutputFormat {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return .jsonl }
        switch name[name.index(after: dot)...].lowercased() {
        case "csv": return .csv
        case "json": return .json
        case "jsonl", "ndjson": return .jsonl
        case "txt": return .table
        case "geojson":
            throw GeoMapError.usage("extract does not write GeoJSON (\(path)): use geomap geojson -o DIR, or give --format")
        case "tsv":
            throw GeoMapError.usage("extract writes no TSV (\(path)): name the file .csv, or give --format")
        default: return .jsonl
        }
    }
}
