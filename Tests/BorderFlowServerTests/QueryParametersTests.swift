@testable import BorderFlowServer
import Testing

/// Query strings decode as HTML forms do: `+` is a space and `%XX` a byte, and the bytes must be UTF-8.
@Suite("Query parameters")
struct QueryParametersTests {
    @Test func formEncodingDecodes() {
        #expect(QueryParameters.decode("Nogales%2C+SON") == "Nogales, SON")
        #expect(QueryParameters.decode("Ciudad%20Ju%C3%A1rez") == "Ciudad Juárez")
        #expect(QueryParameters.decode("ju%c3%a1rez") == "juárez", "hex digits in either case")
        #expect(QueryParameters.decode("a%2Bb") == "a+b", "an encoded plus is a plus")
        #expect(QueryParameters.decode("Juárez") == "Juárez", "UTF-8 sent as it is")
        #expect(QueryParameters.decode("") == "")
    }

    @Test func brokenEncodingIsRefused() {
        for text in ["%", "%4", "%ZZ", "50%", "%G1", "%C3", "%FF", "%C3%28", "%ED%A0%80"] {
            #expect(QueryParameters.decode(text) == nil, "\(text)")
        }
    }

    @Test func parametersKeepTheirOrderAndRepeats() throws {
        let query = try QueryParameters("close=a,b&from=Tucson&close=c&to=&x")
        #expect(query.all("close") == ["a,b", "c"])
        #expect(query["from"] == "Tucson")
        #expect(query["to"] == nil, "given empty")
        #expect(query["x"] == nil)
        #expect(throws: APIError.self) { try query.check(known: ["close", "from", "to"]) }
    }
}
