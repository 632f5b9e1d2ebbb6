/// "Did you mean" for a mistyped subcommand: the command the word most likely meant, or nil.
public enum CommandSuggestion {
    /// The command `word` most likely meant: the only one it begins (`ext` → `extract`, at least
    /// two letters), else the nearest within two edits (a swap of neighbours is one edit) and
    /// within half the word's length, the first in `commands` on a tie; nil when none is close.
    public static func nearest(to word: String, among commands: [String]) -> String? {
        let typed = Array(word.lowercased().unicodeScalars)
        guard !typed.isEmpty else { return nil }
        let prefixed = commands.filter { $0.lowercased().unicodeScalars.starts(with: typed) }
        if typed.count >= 2 && prefixed.count == 1 { return prefixed[0] }
        var best: (command: String, distance: Int)?
        for command in commands {
            let distance = editDistance(typed, Array(command.lowercased().unicodeScalars))
            guard distance <= 2 && distance * 2 <= typed.count else { continue }
            if best == nil || distance < best!.distance { best = (command, distance) }
        }
        return best?.command
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
    /// neighbouring letters, each one edit.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] { value = min(value, table[i - 2][j - 2] + 1) }
                table[i][j] = value
            }
        }
        return table[a.count][b.count]
    }
}
