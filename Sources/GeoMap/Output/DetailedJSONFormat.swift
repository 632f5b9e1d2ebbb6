/// `--format json`: every mention with its sentence, entry, confidence and runner-up; the
/// article's distinct places with mention counts; and its focus.
struct DetailedJSONFormat {
    let gazetteer: Gazetteer

    func append(id: UnsafeRawBufferPointer, text: UnsafeBufferPointer<UInt8>, mentions: [ExtractedMention],
                to json: inout JSONBytes) {
        begin(id: id, to: &json)
        append(mentions: mentions, text: text, written: 0, to: &json)
        end(summary: ArticleSummary(mentions: mentions, gazetteer: gazetteer), to: &json)
    }

    func begin(id: UnsafeRawBufferPointer, to json: inout JSONBytes) {
        json.raw("{\"id\":")
        json.string(id)
        json.raw(",\"mentions\":[")
    }

    /// Mentions whose byte offsets point into `text`, after `written` mentions of the same document.
    func append(mentions: [ExtractedMention], text: UnsafeBufferPointer<UInt8>, written: Int, to json: inout JSONBytes) {
        for (k, mention) in mentions.enumerated() {
            json.raw(k + written == 0 ? "\n  " : ",\n  ")
            json.raw("{\"text\":")
            json.string(UnsafeBufferPointer(rebasing: text[mention.byteStart..<mention.byteEnd]))
            json.raw(",\"start\":")
            json.integer(mention.start)
            json.raw(",\"end\":")
            json.integer(mention.end)
            json.raw(",\"kind\":")
            json.string(mention.role.name)
            json.raw(",\"confidence\":")
            json.decimal(mention.confidence, places: 3)
            json.raw(",\"place\":")
            if let entry = mention.entry { EntryFields(entry, in: gazetteer).appendJSON(to: &json) } else { json.raw("null") }
            if let entry = mention.entry { appendContainment(entry, to: &json) }
            LocationFields(gazetteer: gazetteer).appendJSON(mention, text: text, to: &json)
            if let runnerUp = mention.runnerUp {
                json.raw(",\"runner_up\":{\"probability\":")
                json.decimal(mention.runnerUpProbability, places: 3)
                json.raw(",\"place\":")
                EntryFields(runnerUp, in: gazetteer).appendJSON(to: &json)
                json.raw("}")
            }
            json.raw(",\"sentence\":")
            json.string(UnsafeBufferPointer(rebasing: text[mention.sentenceByteStart..<mention.sentenceByteEnd]))
            json.raw("}")
        }
    }

    func end(summary: ArticleSummary, to json: inout JSONBytes) {
        json.raw("],\n \"places\":[")
        for (k, place) in summary.places.enumerated() {
            json.raw(k == 0 ? "\n  " : ",\n  ")
            json.raw("{\"mentions\":")
            json.integer(place.mentions)
            json.raw(",\"place\":")
            EntryFields(place.entry, in: gazetteer).appendJSON(to: &json)
            appendContainment(place.entry, to: &json)
            json.raw("}")
        }
        json.raw("],\n \"focus\":[")
        for (k, focus) in summary.focus.enumerated() {
            json.raw(k == 0 ? "" : ",")
            json.raw("{\"share\":")
            json.decimal(focus.share, places: 3)
            json.raw(",\"place\":")
            EntryFields(focus.entry, in: gazetteer).appendJSON(to: &json)
            json.raw("}")
        }
        json.raw("]}")
    }

    /// `,"containment":{…}`: the country and admin-1 polygons holding the place, beside its codes.
    private func appendContainment(_ entry: Int32, to json: inout JSONBytes) {
        json.raw(",\"containment\":")
        if let found = try? ContainmentIndex.shared(for: gazetteer).containment(of: entry) {
            ContainmentFields(found, in: gazetteer).appendJSON(to: &json)
        } else {
            json.raw("null")
        }
    }
}
