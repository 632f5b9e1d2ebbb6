/// `--format json`: every mention with its sentence, entry, confidence and runner-up; the
/// article's distinct places with mention counts; and its focus.
struct DetailedJSONFormat {
    let gazetteer: Gazetteer

    func append(_ record: DocumentRecord, summary: SummaryRecord, to json: inout JSONBytes) {
        begin(id: record.id, to: &json)
        append(mentionsOf: record, to: &json)
        end(summary, to: &json)
    }

    func begin(id: [UInt8], to json: inout JSONBytes) {
        json.raw("{\"id\":")
        json.string(id)
        json.raw(",\"mentions\":[")
    }

    /// The record's mentions, after `record.written` mentions of the same document.
    func append(mentionsOf record: DocumentRecord, to json: inout JSONBytes) {
        for (k, mention) in record.mentions.enumerated() {
            json.raw(k + record.written == 0 ? "\n  " : ",\n  ")
            json.raw("{\"text\":")
            json.string(record.text, mention.byteStart..<mention.byteEnd)
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
            if let containment = record.containment[k] { appendContainment(containment, to: &json) }
            LocationFields(gazetteer: gazetteer).appendJSON(mention, text: record.text, to: &json)
            if let runnerUp = mention.runnerUp {
                json.raw(",\"runner_up\":{\"probability\":")
                json.decimal(mention.runnerUpProbability, places: 3)
                json.raw(",\"place\":")
                EntryFields(runnerUp, in: gazetteer).appendJSON(to: &json)
                json.raw("}")
            }
            json.raw(",\"sentence\":")
            json.string(record.text, mention.sentenceByteStart..<mention.sentenceByteEnd)
            json.raw("}")
        }
    }

    func end(_ record: SummaryRecord, to json: inout JSONBytes) {
        let summary = record.summary
        json.raw("],\n \"places\":[")
        for (k, place) in summary.places.enumerated() {
            json.raw(k == 0 ? "\n  " : ",\n  ")
            json.raw("{\"mentions\":")
            json.integer(place.mentions)
            json.raw(",\"place\":")
            EntryFields(place.entry, in: gazetteer).appendJSON(to: &json)
            appendContainment(record.containment[k], to: &json)
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
    private func appendContainment(_ containment: PlaceContainment, to json: inout JSONBytes) {
        json.raw(",\"containment\":")
        ContainmentFields(containment, in: gazetteer).appendJSON(to: &json)
    }
}
