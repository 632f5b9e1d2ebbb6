/// Hands a value to concurrent workers that use disjoint parts of it (distinct array slots).
/// The caller guarantees the disjointness; nothing else is shared mutably.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
