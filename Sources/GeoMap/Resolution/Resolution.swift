/// The place chosen for one mention.
public struct Resolution: Sendable {
    /// The gazetteer entry, or nil when no candidate was good enough.
    public var entry: Int32?
    /// Probability of the chosen entry among the candidates (0…1).
    public var probability: Double
    /// The second-best entry when the call was close.
    public var runnerUp: Int32?
    public var runnerUpProbability: Double
}
