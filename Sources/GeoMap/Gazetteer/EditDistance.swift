/// Whether two byte strings are at most one edit (insertion, deletion, substitution) apart, in
/// one pass without allocation.
func withinOneEdit(_ a: ByteView, _ b: ByteView) -> Bool {
    let n = a.count, m = b.count
    if n == m {
        var differences = 0
        for k in 0..<n where a[k] != b[k] {
            differences += 1
            if differences > 1 { return false }
        }
        return true
    }
    let (long, short) = n > m ? (a, b) : (b, a)
    guard long.count - short.count == 1 else { return false }
    var i = 0, j = 0, skipped = false
    while i < long.count && j < short.count {
        if long[i] == short[j] { i += 1; j += 1; continue }
        if skipped { return false }
        skipped = true
        i += 1
    }
    return true
}

/// Levenshtein distance giving up above `limit` (then returns limit + 1); `rows` is scratch space
/// reused between calls.
func boundedEditDistance(_ a: ByteView, _ b: ByteView, limit: Int, rows: inout [Int]) -> Int {
    let n = a.count, m = b.count
    if abs(n - m) > limit { return limit + 1 }
    if n == 0 || m == 0 { return max(n, m) }
    if rows.count < 2 * (m + 1) { rows = [Int](repeating: 0, count: 2 * (m + 1)) }
    var buffer = rows.mutableSpan
    do {
        var previous = 0, current = m + 1
        for j in 0...m { buffer[previous + j] = j }
        for i in 1...n {
            buffer[current] = i
            var rowMinimum = i
            let ai = a[i - 1]
            for j in 1...m {
                let cost = ai == b[j - 1] ? 0 : 1
                let value = min(buffer[previous + j] + 1, buffer[current + j - 1] + 1, buffer[previous + j - 1] + cost)
                buffer[current + j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return buffer[previous + m]
    }
}
