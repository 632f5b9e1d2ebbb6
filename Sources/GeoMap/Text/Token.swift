/// What a token looks like: letter case and punctuation inside it.
public struct TokenShape: OptionSet, Sendable, Hashable, BitwiseCopyable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    /// The first letter is upper case.
    public static let capitalized = TokenShape(rawValue: 1 << 0)
    /// Every letter is upper case (and there are at least two letters).
    public static let allCaps = TokenShape(rawValue: 1 << 1)
    /// The token has a digit.
    public static let hasDigit = TokenShape(rawValue: 1 << 2)
    /// Periods inside the token (`U.S`, `W.Va`).
    public static let initialism = TokenShape(rawValue: 1 << 3)
    /// Followed by a possessive `'s` (not part of the token).
    public static let possessive = TokenShape(rawValue: 1 << 4)
    /// An apostrophe inside the token (`Luhans'k`).
    public static let apostrophe = TokenShape(rawValue: 1 << 5)
    /// Non-ASCII letters.
    public static let nonASCII = TokenShape(rawValue: 1 << 6)
    /// A letter other than the first is upper case (`McAllen`, `iPhone`).
    public static let innerCapital = TokenShape(rawValue: 1 << 7)
    /// The token has letters.
    public static let hasLetter = TokenShape(rawValue: 1 << 8)
    /// Directly followed by a period (`St.`, `Calif.`, or the end of a sentence).
    public static let trailingPeriod = TokenShape(rawValue: 1 << 9)
    /// Starts with `#` or `@` (hashtags and handles).
    public static let tagged = TokenShape(rawValue: 1 << 10)
}

/// What stands between a token and the one before it.
public struct TokenGap: OptionSet, Sendable, Hashable, BitwiseCopyable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    public static let space = TokenGap(rawValue: 1 << 0)
    public static let hyphen = TokenGap(rawValue: 1 << 1)
    public static let comma = TokenGap(rawValue: 1 << 2)
    public static let newline = TokenGap(rawValue: 1 << 3)
    /// A blank line: a paragraph break.
    public static let paragraph = TokenGap(rawValue: 1 << 4)
    /// `.`, `!`, `?` or `;`/`:` after the previous token.
    public static let stop = TokenGap(rawValue: 1 << 5)
    /// Any other punctuation (quotes, brackets, slashes, …).
    public static let punctuation = TokenGap(rawValue: 1 << 6)
    public static let openBracket = TokenGap(rawValue: 1 << 7)
    public static let closeBracket = TokenGap(rawValue: 1 << 8)
    public static let quote = TokenGap(rawValue: 1 << 9)
    /// Nothing at all: the token is glued to the previous one (`#Syria`, `NewYork` is one token).
    public static let none = TokenGap(rawValue: 1 << 10)
    /// The token begins a new sentence.
    public static let sentenceStart = TokenGap(rawValue: 1 << 11)
    /// `/`, `&` or `+` between the tokens.
    public static let joiner = TokenGap(rawValue: 1 << 12)
}

/// One word of a text: where it is (UTF-8 bytes and code points of the original), its folded key
/// bytes, their hash, its shape and what separates it from the previous token.
public struct Token: Sendable, BitwiseCopyable {
    public var byteStart: Int32
    public var byteEnd: Int32
    public var charStart: Int32
    public var charEnd: Int32
    public var foldStart: Int32
    public var foldEnd: Int32
    public var hash: UInt64
    public var shape: TokenShape
    public var gap: TokenGap
}
