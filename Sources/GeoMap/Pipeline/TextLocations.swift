/// The pipeline's last step for locations written as numbers: coordinates become mentions of
/// kind `coordinate` (in text order, replacing any place mention inside them, such as the `E` of
/// `35.2E`), and a place after `30 km south of` gains the offset the phrase names.
extension Geoparser {
    mutating func addLocations(_ coordinates: [TextCoordinate], to mentions: inout [ExtractedMention], text: UnsafeBufferPointer<UInt8>) {
        for k in mentions.indices where mentions[k].role == .place {
            guard let entry = mentions[k].entry,
                  RelativeLocationParser.mayEnd(text, before: mentions[k].byteStart),
                  let phrase = RelativeLocationParser.parse(text, anchorStart: mentions[k].byteStart) else { continue }
            mentions[k].offset = RelativeOffset(phrase: phrase, charsBefore: scalarCount(text, phrase.byteStart..<mentions[k].byteStart),
                                                point: derivedPoint(phrase, from: entry))
        }
        guard !coordinates.isEmpty else { return }
        mentions.removeAll { mention in
            coordinates.contains { $0.byteStart < mention.byteEnd && mention.byteStart < $0.byteEnd }
        }
        let tokens = tokenizer.tokens
        for coordinate in coordinates {
            let first = min(tokenIndex(atOrAfter: coordinate.byteStart), tokens.count - 1)
            let last = max(first, tokenIndex(atOrAfter: coordinate.byteEnd) - 1)
            // From the sentence of the first token to the end of the last one's: the periods of
            // `48.58, 37.98` may read as sentence ends.
            let sentence = sentenceBytes(around: first, through: first, text: text).lowerBound
                ..< sentenceBytes(around: last, through: last, text: text).upperBound
            let start = charOffset(of: coordinate.byteStart, text: text)
            let mention = ExtractedMention(
                byteStart: coordinate.byteStart, byteEnd: coordinate.byteEnd,
                start: start, end: start + scalarCount(text, coordinate.byteStart..<coordinate.byteEnd),
                sentenceByteStart: min(sentence.lowerBound, coordinate.byteStart), sentenceByteEnd: max(sentence.upperBound, coordinate.byteEnd),
                role: .coordinate, entry: nil, recognitionProbability: 1, resolutionProbability: 1,
                runnerUp: nil, runnerUpProbability: 0, coordinate: coordinate)
            let index = mentions.firstIndex { $0.byteStart > coordinate.byteStart } ?? mentions.endIndex
            mentions.insert(mention, at: index)
        }
    }

    /// The point `phrase` names from the anchor's point: none without a bearing, and only from
    /// places, landmarks and landforms: the representative point of a country, province,
    /// county, region or water body is no place to measure from (`30 miles south of the
    /// Kentucky`, `35 km west of the Pacific Ocean`: the distance is to its edge).
    private func derivedPoint(_ phrase: RelativePhrase, from entry: Int32) -> Point? {
        let kind = gazetteer.kind(entry)
        guard let bearing = phrase.bearing, kind == .place || kind == .landmark || kind == .landform else { return nil }
        return try? Geodesic.wgs84.direct(from: gazetteer.location(entry), azimuth: bearing.azimuth, distance: phrase.distanceMetres).point
    }

    /// The index of the first token that starts at or after byte `offset`.
    private func tokenIndex(atOrAfter offset: Int) -> Int {
        let tokens = tokenizer.tokens
        var low = 0, high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if Int(tokens[middle].byteStart) < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The code-point offset of byte `offset`, counted from the nearest token before it.
    private func charOffset(of offset: Int, text: UnsafeBufferPointer<UInt8>) -> Int {
        let k = tokenIndex(atOrAfter: offset + 1) - 1
        guard k >= 0 else { return scalarCount(text, 0..<offset) }
        let token = tokenizer.tokens[k]
        let from = Int(token.byteStart)
        return from <= offset ? Int(token.charStart) + scalarCount(text, from..<offset) : scalarCount(text, 0..<offset)
    }

    private func scalarCount(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        for k in range where text[k] & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
