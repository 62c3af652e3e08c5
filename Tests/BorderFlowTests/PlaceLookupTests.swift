import Foundation
import Testing
@testable import BorderFlow

/// Finding a place by what people type: the names they use, one place or a refusal that lists the choices.
@Suite("Place lookup")
struct PlaceLookupTests {
    let dataset: Dataset

    init() throws {
        dataset = try BundledDatasetTests.loaded.get()
    }

    @Test(arguments: [
        ("Matamoros", "heroica-matamoros"), ("matamoros", "heroica-matamoros"), ("H. Matamoros", "heroica-matamoros"),
        ("Juarez", "ciudad-juarez"), ("Juárez", "ciudad-juarez"), ("Cd. Juárez", "ciudad-juarez"),
        ("Acuña", "ciudad-acuna"), ("Acuna", "ciudad-acuna"), ("ACUNA", "ciudad-acuna"),
        ("Caborca", "heroica-caborca"), ("Palomas", "puerto-palomas-de-villa"), ("Diaz Ordaz", "ciudad-gustavo-diaz-ordaz"),
        ("Paso del Norte", "ciudad-juarez"), ("Juarez, NL", "ciudad-benito-juarez"),
        ("Nogales, SON", "nogales-son"), ("Nogales, AZ", "nogales-az"), ("Naco (MX)", "naco-son"), ("Laredo TX", "laredo"), ("nogales son", "nogales-son"), ("Nogales, AZ (US)", "nogales-az"),
    ])
    func namesPeopleUseFindTheirPlace(typed: String, id: String) throws {
        #expect(try dataset.place(named: typed).id == id)
    }

    @Test func aSharedNameIsRefusedWithEveryPlaceOfThatName() {
        #expect(throws: LookupError.ambiguousPlace("Nogales", matches: ["nogales-son", "nogales-az"].map(mention))) {
            _ = try dataset.place(named: "Nogales")
        }
        // San Luis Río Colorado is "San Luis" too, more loosely: it is named among the choices.
        do {
            _ = try dataset.place(named: "San Luis")
            Issue.record("San Luis names three places")
        } catch let LookupError.ambiguousPlace(_, matches) {
            #expect(matches.map(\.id) == ["san-luis-bc", "san-luis-az", "san-luis-rio-colorado"])
            #expect("\(LookupError.ambiguousPlace("San Luis", matches: matches))".contains("san-luis-az (San Luis, AZ, US)"))
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func aPlaceOutsideTheDatasetIsToldWhatTheDatasetCovers() throws {
        for name in ["Houston", "Los Angeles", "Albuquerque"] {
            do {
                _ = try dataset.place(named: name)
                Issue.record("\(name) is not in the dataset")
            } catch let LookupError.unknownPlace(_, suggestions, coverage) {
                // No far-fetched look-alike is offered.
                #expect(suggestions.isEmpty, "\(name): \(suggestions)")
                #expect(coverage.usCount == 136 && coverage.mexicanCount == 80)
                let message = "\(coverage)"
                #expect(message.contains("216 places") && message.contains("borderflow places") && message.contains("GeoData/README.md"))
            }
        }
    }

    @Test func aTypingErrorIsAnsweredWithTheClosePlace() throws {
        #expect(throws: LookupError.unknownPlace("Sonoyt", suggestions: [mention("sonoyta")], coverage: PlaceCoverage(dataset.places))) {
            _ = try dataset.place(named: "Sonoyt")
        }
        #expect(throws: LookupError.unknownPlace("Matamros", suggestions: [mention("heroica-matamoros")], coverage: PlaceCoverage(dataset.places))) {
            _ = try dataset.place(named: "Matamros")
        }
    }

    @Test func aStateWithoutThatNameSaysWhereTheNameIs() {
        #expect(throws: LookupError.unknownPlace("Alpine, TX", suggestions: [mention("alpine")], coverage: PlaceCoverage(dataset.places))) {
            _ = try dataset.place(named: "Alpine, TX")
        }
    }

    @Test func aCrossingIsNotAPlaceButThePlacesNearItAreNamed() throws {
        do {
            _ = try dataset.place(named: "lukeville")
            Issue.record("lukeville is a crossing")
        } catch let LookupError.crossingNotPlace(_, crossing, _, nearby) {
            #expect(crossing == "lukeville")
            #expect(nearby.map(\.id).prefix(2) == ["sonoyta", "ajo"])
            #expect(abs((nearby.first?.distanceKm ?? 0) - 4) < 1)
        }
        // A port's name finds its crossings too.
        if case let .crossingNotPlace(_, crossing, _, _)? = lookupError("San Ysidro") {
            #expect(crossing.hasPrefix("san-ysidro"))
        } else {
            Issue.record("San Ysidro must be told to be a crossing")
        }
    }

    @Test func answersNameTheState() throws {
        #expect(try dataset.place(named: "Alpine").label == "Alpine, CA (US)")
        // The label reads back as the same place.
        for place in dataset.places { #expect(try dataset.place(named: place.label) == place) }
    }

    private func mention(_ id: String) -> PlaceMention {
        PlaceMention(dataset.place(id: id)!)
    }

    private func lookupError(_ text: String) -> LookupError? {
        do {
            _ = try dataset.place(named: text)
            return nil
        } catch {
            return error as? LookupError
        }
    }
}
