import BorderFlowSpatial
import FuzzDriver
import Foundation

/// libFuzzer's entry point: any bytes must give a FeatureCollection, an `InputFileError` or a `GeoJSONError`,
/// never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGeoJSON(_ bytes: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    if let collection = try? GeoJSONReader.parse(data, file: "fuzz.geojson") {
        // What was read must write back out, or be refused as NaN, never crash the writer.
        let features = collection.features.map { GeoJSONOutputFeature(id: $0.id ?? "", geometry: $0.geometry, properties: $0.properties) }
        _ = try? GeoJSONWriter().featureCollection(features)
    }
    return 0
}

/// SwiftPM links an executable's entry point under the module's name; hand control to libFuzzer's driver.
@_cdecl("FuzzGeoJSON_main")
public func fuzzGeoJSONMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzGeoJSON)
}
