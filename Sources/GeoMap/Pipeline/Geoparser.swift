/// The whole pipeline for one document: text → tokens → mentions → candidates → resolved places.
/// A value with reusable buffers; give each thread its own copy (they share the gazetteer).
public struct Geoparser: Sendable {
    public let gazetteer: Gazetteer
    var tokenizer = Tokenizer()
    private var recognizer: Recognizer
    private var resolver: Resolver
    private var repaired: [UInt8] = []
    /// Indices of the tokens that start a sentence, found once per text.
    var sentenceStarts: [Int] = []
    /// A sentence quoted with a mention is cut to about this many bytes on each side of it, so
    /// text without sentence punctuation cannot make every mention carry the whole text.
    static let sentenceContextBytes = 400

    public init(gazetteer: Gazetteer, recognition: RecognitionModel = .standard, resolution: ResolutionModel = .standard) {
        self.gazetteer = gazetteer
        recognizer = Recognizer(gazetteer: gazetteer, model: recognition)
        resolver = Resolver(gazetteer: gazetteer, model: resolution)
    }

    /// Parses valid UTF-8 text.
    public mutating func parse(utf8 text: UnsafeBufferPointer<UInt8>) -> [ExtractedMention] {
        tokenizer.tokenize(text)
        let mentions = recognizer.recognize(tokenizer, text: text)
        let resolutions = resolver.resolve(mentions)
        for resolution in resolutions { if let entry = resolution.entry { gazetteer.prefetchRow(entry) } }
        let tokens = tokenizer.tokens
        let coordinates = tokens.withUnsafeBufferPointer { CoordinateScanner.scan(text, tokens: $0) }
        sentenceStarts.removeAll(keepingCapacity: true)
        if !mentions.isEmpty || !coordinates.isEmpty {
            tokens.withUnsafeBufferPointer { tokens in
                for k in tokens.indices where k == 0 || tokens[k].gap.contains(.sentenceStart) { sentenceStarts.append(k) }
            }
        }
        var result: [ExtractedMention] = []
        result.reserveCapacity(mentions.count)
        for (mention, resolution) in zip(mentions, resolutions) {
            let first = tokens[Int(mention.firstToken)], last = tokens[Int(mention.endToken) - 1]
            let sentence = sentenceBytes(around: Int(mention.firstToken), through: Int(mention.endToken) - 1, text: text)
            result.append(ExtractedMention(
                byteStart: Int(first.byteStart), byteEnd: Int(last.byteEnd),
                start: Int(first.charStart), end: Int(last.charEnd),
                sentenceByteStart: sentence.lowerBound, sentenceByteEnd: sentence.upperBound,
                role: mention.role, entry: resolution.entry,
                recognitionProbability: Double(mention.probability),
                resolutionProbability: resolution.probability,
                runnerUp: resolution.runnerUp, runnerUpProbability: resolution.runnerUpProbability))
        }
        addLocations(coordinates, to: &result, text: text)
        return result
    }

    /// Parses any bytes: ill-formed UTF-8 is repaired first (each bad sequence becomes U+FFFD),
    /// and offsets refer to the repaired text.
    public mutating func parse(bytes: UnsafeBufferPointer<UInt8>) -> [ExtractedMention] {
        if isValidUTF8(bytes) { return parse(utf8: bytes) }
        repaired = repairedUTF8(bytes)
        let copy = repaired
        return copy.withUnsafeBufferPointer { parse(utf8: $0) }
    }

    public mutating func parse(_ text: String) -> [ExtractedMention] {
        var copy = text
        return copy.withUTF8 { parse(utf8: $0) }
    }

    /// The byte range of the sentence that holds `tokenIndex`, cut to `sentenceContextBytes` on
    /// each side of the token at token boundaries.
    func sentenceBytes(around tokenIndex: Int, through lastToken: Int, text: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let tokens = tokenizer.tokens
        // The last sentence start at or before the token, and the first one after it.
        var low = 0, high = sentenceStarts.count
        while low < high {
            let middle = (low + high) / 2
            if sentenceStarts[middle] <= tokenIndex { low = middle + 1 } else { high = middle }
        }
        var start = low > 0 ? sentenceStarts[low - 1] : 0
        var end = max(low < sentenceStarts.count ? sentenceStarts[low] : tokens.count, lastToken + 1)
        let anchor = Int(tokens[tokenIndex].byteStart)
        // The first token that starts within reach before the anchor (binary search).
        if Int(tokens[start].byteStart) < anchor - Geoparser.sentenceContextBytes {
            var low = start, high = tokenIndex
            while low < high {
                let middle = (low + high) / 2
                if Int(tokens[middle].byteStart) < anchor - Geoparser.sentenceContextBytes { low = middle + 1 } else { high = middle }
            }
            start = low
        }
        // One past the last token that ends within reach after the anchor.
        var clipped = false
        if Int(tokens[end - 1].byteEnd) > anchor + Geoparser.sentenceContextBytes {
            var low = lastToken + 1, high = end
            while low < high {
                let middle = (low + high) / 2
                if Int(tokens[middle].byteEnd) <= anchor + Geoparser.sentenceContextBytes { low = middle + 1 } else { high = middle }
            }
            end = low
            clipped = true
        }
        var byteEnd = Int(tokens[end - 1].byteEnd)
        // Keep the sentence's closing punctuation, up to the next white space.
        // (At most to twice the context, and only ever to the start of a scalar.)
        while !clipped, byteEnd < text.count, byteEnd - anchor < 2 * Geoparser.sentenceContextBytes || !isScalarStart(text[byteEnd]),
              text[byteEnd] != 0x20, text[byteEnd] != 0x0A, text[byteEnd] != 0x0D,
              byteEnd < (end < tokens.count ? Int(tokens[end].byteStart) : text.count) {
            byteEnd += 1
        }
        return Int(tokens[start].byteStart)..<byteEnd
    }

    /// Parses `text` and writes what the models saw as one JSON line: every proposed span with its
    /// recognition features, and for every kept mention its candidates with their resolution
    /// features. `Scripts/train-models` fits the model weights on these lines.
    /// Only the recognition and resolution steps run: `parse` also adds coordinate mentions and
    /// drops the names they overlap, so its list is not the resolver's, mention for mention.
    public mutating func appendTrainingRecord(id: [UInt8], utf8 text: UnsafeBufferPointer<UInt8>, to json: inout JSONBytes) {
        tokenizer.tokenize(text)
        let mentions = recognizer.recognize(tokenizer, text: text)
        _ = resolver.resolve(mentions)
        let tokens = tokenizer.tokens
        json.raw("{\"id\":")
        id.withUnsafeBytes { json.string($0) }
        json.raw(",\"proposals\":[")
        for (k, (mention, vector)) in zip(recognizer.proposals, recognizer.features).enumerated() {
            if k > 0 { json.raw(",") }
            json.raw("[")
            json.integer(Int(tokens[Int(mention.firstToken)].charStart)); json.raw(",")
            json.integer(Int(tokens[Int(mention.endToken) - 1].charEnd)); json.raw(",[")
            for (f, value) in vector.values.enumerated() {
                if f > 0 { json.raw(",") }
                json.decimal(Double(value), places: 4)
            }
            json.raw("]]")
        }
        json.raw("],\"mentions\":[")
        var groupsDone = Set<Int32>()
        for (m, mention) in mentions.enumerated() {
            if m > 0 { json.raw(",") }
            json.raw("{\"start\":"); json.integer(Int(tokens[Int(mention.firstToken)].charStart))
            json.raw(",\"end\":"); json.integer(Int(tokens[Int(mention.endToken) - 1].charEnd))
            let group = resolver.groupOfMention[m]
            json.raw(",\"group\":"); json.integer(Int(group))
            json.raw(",\"candidates\":[")
            if groupsDone.insert(group).inserted {
                for (c, row) in resolver.candidateRows(forGroup: Int(group)).enumerated() {
                    if c > 0 { json.raw(",") }
                    let point = gazetteer.point(row.entry)
                    json.raw("["); json.integer(gazetteer.id(row.entry)); json.raw(",")
                    json.decimal(point.lat, places: 5); json.raw(","); json.decimal(point.lon, places: 5); json.raw(",[")
                    for (f, value) in row.features.enumerated() {
                        if f > 0 { json.raw(",") }
                        json.decimal(value, places: 4)
                    }
                    json.raw("]]")
                }
            }
            json.raw("]}")
        }
        json.raw("]}\n")
    }
}
