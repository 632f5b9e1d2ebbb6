import Foundation
import Testing
@testable import GeoMap

/// Issue 17, finding 10: numbers such as `32.1.1.1` or `"id": -` were accepted. Numbers are read
/// as RFC 8259 spells them, for the id and for any other value the reader skips.
@Suite struct StrictJSONNumberTests {
    func parse(_ line: String) -> Result<JSONLineRecord, JSONLineRecord.Problem> {
        var record = JSONLineRecord()
        let bytes = Array(line.utf8)
        do throws(JSONLineRecord.Problem) {
            try bytes.withByteView { buffer throws(JSONLineRecord.Problem) in try record.parse(buffer) }
            return .success(record)
        } catch {
            return .failure(error)
        }
    }

    @Test(arguments: ["-", "32.1.1.1", "01", "-01", "1.", ".5", "1e", "1e+", "+1", "1.5e3.2", "--1", "1-2", "0x10", "1E5e"])
    func badNumbersAreMalformed(_ number: String) throws {
        for line in ["{\"id\": \(number), \"text\": \"Moscow\"}", "{\"text\": \"Moscow\", \"n\": [\(number)]}",
                     "{\"text\": \"Moscow\", \"meta\": {\"n\": \(number)}}"] {
            guard case .failure(let problem) = parse(line) else {
                Issue.record("accepted \(line)")
                continue
            }
            #expect(problem.description.hasPrefix("malformed JSON: "), "\(line)")
        }
    }

    @Test func theMessageNamesTheBadNumberAndWhereItStarts() {
        guard case .failure(let problem) = parse("{\"id\": -, \"text\": \"Moscow\"}") else {
            Issue.record("accepted")
            return
        }
        #expect(problem.description == "malformed JSON: bad number at byte 8")
        guard case .failure(let other) = parse("{\"id\":32.1.1.1,\"text\":\"x\"}") else {
            Issue.record("accepted")
            return
        }
        #expect(other.description == "malformed JSON: bad number at byte 7")
    }

    @Test(arguments: ["0", "-0", "7", "-12", "3.25", "0.5", "1e5", "1E-5", "2.5e+10", "-0.0e0", "123456789012345678901234567890"])
    func goodNumbersAreRead(_ number: String) throws {
        let record = try parse("{\"id\": \(number), \"text\": \"Moscow\", \"n\": [\(number), {\"m\": \(number)}]}").get()
        #expect(record.hasID)
        #expect(String(decoding: record.id, as: UTF8.self) == number)
        #expect(String(decoding: record.text, as: UTF8.self) == "Moscow")
    }

    @Test func aBadNumberInABatchIsOneWarningNamingTheLine() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        BadInput.write("{\"id\":1,\"text\":\"Moscow\"}\n{\"id\":-,\"text\":\"Luhansk\"}\n{\"id\":3,\"text\":\"Kyiv\",\"score\":1.2.3}\n",
                       to: directory + "/n.jsonl")
        let result = try BadInput.extract([directory + "/n.jsonl"])
        #expect(result.processed == 1 && result.skipped == 2)
        #expect(result.warnings == ["\(directory)/n.jsonl:2: skipped: malformed JSON: bad number at byte 7",
                                    "\(directory)/n.jsonl:3: skipped: malformed JSON: bad number at byte 31"])
    }
}
