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
        let outcome = data.withUnsafeBytes { raw in
            raw.withMemoryRebound(to: UInt8.self) { JSONBytesParser.read($0) }
        }
        if let value = outcome.value { return value }
        if let duplicate = outcome.duplicate { throw duplicateKeyError(duplicate, in: data, file: file) }
        // What the byte parser leaves, errors above all, `JSONDecoder` reads and explains.
        let decoded: JSONValue
        do {
            decoded = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            if let doubt = outcome.doubt { throw doubtError(doubt, in: data, file: file) }
            let problem = syntaxProblem(in: data)
            throw InputFileError(file: file, line: problem.position?.line, column: problem.position?.column,
                                 message: "not valid JSON" + describe(context) + problem.text)
        } catch let DecodingError.typeMismatch(_, context) {
            // Every JSON value decodes as some `JSONValue` case but a number beyond the range of a double.
            throw InputFileError(file: file, message: "not valid JSON" + (context.codingPath.isEmpty ? "" : " at \(path(context.codingPath))") + ": a number too large to represent (beyond ±1.8e308)")
        } catch {
            if let doubt = outcome.doubt { throw doubtError(doubt, in: data, file: file) }
            throw InputFileError(file: file, message: "not valid JSON: \(error)")
        }
        // The decoder keeps the first of two equal keys without a word; a repeat beyond where the byte parser
        // stopped must be refused as one before it.
        let tolerant = data.withUnsafeBytes { raw in
            raw.withMemoryRebound(to: UInt8.self) { JSONBytesParser.read($0, tolerant: true) }
        }
        if let duplicate = tolerant.duplicate { throw duplicateKeyError(duplicate, in: data, file: file) }
        return decoded
    }

    /// Readers differ on which of two equal keys they keep (JSONDecoder the first, most others the last).
    private static func duplicateKeyError(_ duplicate: JSONBytesParser.DuplicateKey, in data: Data, file: String) -> InputFileError {
        let position = TextPosition(byteOffset: duplicate.offset, in: data)
        return InputFileError(file: file, line: position.line, column: position.column,
                              message: "the key \"\(duplicate.key.prefix(100))\" appears twice in one object (\(position)); JSON readers differ on which value they keep, so give it once")
    }

    /// What the decoder calls an "unexpected end of file" or an unreadable text, said as it is.
    private static func doubtError(_ doubt: JSONBytesParser.Doubt, in data: Data, file: String) -> InputFileError {
        switch doubt {
        case let .loneSurrogate(offset):
            let position = TextPosition(byteOffset: offset, in: data)
            let escape = String(decoding: data[data.startIndex + offset..<min(data.endIndex, data.startIndex + offset + 6)], as: UTF8.self)
            return InputFileError(file: file, line: position.line, column: position.column,
                                  message: "not valid JSON: \(escape) (\(position)) is half of a UTF-16 surrogate pair without its other half, so it is no character; write the character itself, or both halves")
        case let .notUTF8(offset):
            let position = TextPosition(byteOffset: offset, in: data)
            return InputFileError(file: file, line: position.line, column: position.column,
                                  message: "not valid JSON: the string starting \(position) holds bytes that are not UTF-8; save the file as UTF-8")
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
