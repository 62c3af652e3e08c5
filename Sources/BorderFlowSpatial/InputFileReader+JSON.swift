import Foundation

extension InputFileReader {
    /// Parses JSON text into a value, turning the decoder's error into one that names the file and says where.
    ///
    /// - Parameters:
    ///   - data: UTF-8 JSON text.
    ///   - file: How errors name the file.
    /// - Returns: The value; object members are in sorted key order.
    /// - Throws: `InputFileError` for text that is not JSON, with the line and column of a syntax error when
    ///   known, for a key an object gives twice, or for a number beyond the range of a `Double`.
    package static func json(_ data: Data, file: String) throws -> JSONValue {
        var duplicate: JSONBytesParser.DuplicateKey?
        let parsed = data.withUnsafeBytes { raw in
            raw.withMemoryRebound(to: UInt8.self) { JSONBytesParser.parse($0, duplicate: &duplicate) }
        }
        if let parsed { return parsed }
        // Readers differ on which of two equal keys they keep (JSONDecoder the first, most others the last).
        if let duplicate {
            let position = TextPosition(byteOffset: duplicate.offset, in: data)
            throw InputFileError(file: file, line: position.line, column: position.column,
                                 message: "the key \"\(duplicate.key.prefix(100))\" appears twice in one object (\(position)); JSON readers differ on which value they keep, so give it once")
        }
        // What the byte parser leaves, errors above all, `JSONDecoder` reads and explains.
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            let problem = syntaxProblem(in: data)
            throw InputFileError(file: file, line: problem.position?.line, column: problem.position?.column,
                                 message: "not valid JSON" + describe(context) + problem.text)
        } catch let DecodingError.typeMismatch(_, context) {
            // Every JSON value decodes as some `JSONValue` case but a number beyond the range of a double.
            throw InputFileError(file: file, message: "not valid JSON" + (context.codingPath.isEmpty ? "" : " at \(path(context.codingPath))") + ": a number too large to represent (beyond ±1.8e308)")
        } catch {
            throw InputFileError(file: file, message: "not valid JSON: \(error)")
        }
    }

    /// The decoder's account of a syntax error: where, and what it found.
    private static func describe(_ context: DecodingError.Context) -> String {
        var parts: [String] = []
        if !context.codingPath.isEmpty { parts.append("at \(path(context.codingPath))") }
        let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
        for detail in [underlying, context.debugDescription] {
            if let detail, !detail.isEmpty, !parts.contains(detail), detail != "The given data was not valid JSON." { parts.append(detail) }
        }
        return parts.isEmpty ? "" : ": " + parts.joined(separator: ": ")
    }

    /// What is wrong with the text and where. The decoder does not say; the serializer, run again on this error
    /// path only, does ("Unexpected end of file", "Invalid value around character 6"), by byte offset.
    private static func syntaxProblem(in data: Data) -> (text: String, position: TextPosition?) {
        let detail: String
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return ("", nil)
        } catch {
            guard let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String else { return ("", nil) }
            detail = text.hasSuffix(".") ? String(text.dropLast()) : text
        }
        guard let range = detail.range(of: "character "), let offset = Int(detail[range.upperBound...].prefix { $0.isNumber }) else {
            return (": " + detail, nil)
        }
        let position = TextPosition(byteOffset: offset, in: data)
        return (": " + detail + " (\(position))", position)
    }

    /// A coding path as a reader writes it: `features[0].geometry.coordinates[1]`.
    private static func path(_ keys: [CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }
}
