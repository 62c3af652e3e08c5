/// Facility coordinates published by the University of North Texas / TxDOT crossing list and the BTS
/// port points, used to check the curated crossings. Facts, cited per row.
struct ReferenceCoordinate: Sendable {
    let crossingID: String
    let latitude: Double
    let longitude: Double
    let source: String
}

let referenceCoordinates: [ReferenceCoordinate] = [
    ReferenceCoordinate(crossingID: "san-ysidro", latitude: 32.542528, longitude: -117.028761, source: "BTS port point"),  // San Ysidro (vehicles / PedEast)
    ReferenceCoordinate(crossingID: "otay-mesa", latitude: 32.55033, longitude: -116.938538, source: "BTS port point"),  // Otay Mesa
    ReferenceCoordinate(crossingID: "cross-border-xpress", latitude: 32.54834, longitude: -116.974462, source: "BTS port point"),  // Cross Border Xpress
    ReferenceCoordinate(crossingID: "tecate", latitude: 32.576428, longitude: -116.626216, source: "BTS port point"),  // Tecate
    ReferenceCoordinate(crossingID: "calexico-east", latitude: 32.673389, longitude: -115.388018, source: "BTS port point"),  // Calexico East
    ReferenceCoordinate(crossingID: "andrade", latitude: 32.718143, longitude: -114.72832, source: "BTS port point"),  // Andrade
    ReferenceCoordinate(crossingID: "san-luis-1", latitude: 32.485, longitude: -114.7822222, source: "BTS port point"),  // San Luis I
    ReferenceCoordinate(crossingID: "lukeville", latitude: 31.880195, longitude: -112.817077, source: "BTS port point"),  // Lukeville
    ReferenceCoordinate(crossingID: "sasabe", latitude: 31.483039, longitude: -111.544363, source: "BTS port point"),  // Sasabe
    ReferenceCoordinate(crossingID: "nogales-deconcini", latitude: 31.332839, longitude: -110.942516, source: "BTS port point"),  // Nogales DeConcini
    ReferenceCoordinate(crossingID: "naco", latitude: 31.334084, longitude: -109.948413, source: "BTS port point"),  // Naco
    ReferenceCoordinate(crossingID: "douglas", latitude: 31.334043, longitude: -109.560344, source: "BTS port point"),  // Douglas (Raul H. Castro)
    ReferenceCoordinate(crossingID: "columbus", latitude: 31.783742, longitude: -107.627948, source: "BTS port point"),  // Columbus
    ReferenceCoordinate(crossingID: "santa-teresa", latitude: 31.783939, longitude: -106.679437, source: "BTS port point"),  // Santa Teresa
    ReferenceCoordinate(crossingID: "el-paso-good-neighbor", latitude: 31.748237, longitude: -106.482685, source: "UNT/TxDOT"),  // Good Neighbor Bridge
    ReferenceCoordinate(crossingID: "el-paso-paso-del-norte", latitude: 31.747743, longitude: -106.486957, source: "UNT/TxDOT"),  // Paso del Norte Bridge
    ReferenceCoordinate(crossingID: "el-paso-bridge-of-the-americas", latitude: 31.764479, longitude: -106.451596, source: "UNT/TxDOT"),  // Bridge of the Americas
    ReferenceCoordinate(crossingID: "el-paso-bnsf-rail", latitude: 31.747985, longitude: -106.488242, source: "UNT/TxDOT"),  // BNSF Railroad Rail Bridge
    ReferenceCoordinate(crossingID: "el-paso-up-rail", latitude: 31.747767, longitude: -106.484833, source: "UNT/TxDOT"),  // Union Pacific Railroad Rail Bridge
    ReferenceCoordinate(crossingID: "ysleta-zaragoza", latitude: 31.670966, longitude: -106.337869, source: "UNT/TxDOT"),  // Ysleta Bridge
    ReferenceCoordinate(crossingID: "tornillo-marcelino-serna", latitude: 31.432854, longitude: -106.147961, source: "UNT/TxDOT"),  // Marcelino Serna Bridge
    ReferenceCoordinate(crossingID: "fort-hancock", latitude: 31.273184, longitude: -105.854543, source: "UNT/TxDOT"),  // Fort Hancock-El Porvenir Bridge
    ReferenceCoordinate(crossingID: "presidio", latitude: 29.561906, longitude: -104.395144, source: "UNT/TxDOT"),  // Presidio-Ojinaga International Bridge
    ReferenceCoordinate(crossingID: "boquillas", latitude: 29.188742, longitude: -102.945046, source: "UNT/TxDOT"),  // Boquillas
    ReferenceCoordinate(crossingID: "amistad-dam", latitude: 29.449874, longitude: -101.058041, source: "UNT/TxDOT"),  // Lake Amistad Dam Crossing
    ReferenceCoordinate(crossingID: "del-rio", latitude: 29.326882, longitude: -100.927491, source: "UNT/TxDOT"),  // Del Rio International Bridge
    ReferenceCoordinate(crossingID: "eagle-pass-bridge-1", latitude: 28.705495, longitude: -100.511724, source: "UNT/TxDOT"),  // Eagle Pass International Bridge
    ReferenceCoordinate(crossingID: "eagle-pass-camino-real", latitude: 28.697698, longitude: -100.510461, source: "UNT/TxDOT"),  // Camino Real International Bridge
    ReferenceCoordinate(crossingID: "eagle-pass-rail", latitude: 28.696318, longitude: -100.510377, source: "UNT/TxDOT"),  // Union Pacific Eagle Pass Railroad Bridge
    ReferenceCoordinate(crossingID: "laredo-gateway-to-the-americas", latitude: 27.499484, longitude: -99.507481, source: "UNT/TxDOT"),  // Gateway to the Americas Bridge
    ReferenceCoordinate(crossingID: "laredo-juarez-lincoln", latitude: 27.500438, longitude: -99.502723, source: "UNT/TxDOT"),  // Juárez-Lincoln International Bridge
    ReferenceCoordinate(crossingID: "laredo-world-trade", latitude: 27.597208, longitude: -99.536873, source: "UNT/TxDOT"),  // World Trade Bridge
    ReferenceCoordinate(crossingID: "laredo-colombia-solidarity", latitude: 27.699841, longitude: -99.745612, source: "UNT/TxDOT"),  // Colombia Solidarity Bridge
    ReferenceCoordinate(crossingID: "laredo-rail", latitude: 27.498402, longitude: -99.516263, source: "UNT/TxDOT"),  // Canadian Pacific Kansas City Laredo Railroad Bridge
    ReferenceCoordinate(crossingID: "falcon-dam", latitude: 26.559422, longitude: -99.166961, source: "UNT/TxDOT"),  // Lake Falcon Dam International Crossing
    ReferenceCoordinate(crossingID: "roma", latitude: 26.403879, longitude: -99.019036, source: "UNT/TxDOT"),  // Roma-Ciudad Miguel Alemán International Bridge
    ReferenceCoordinate(crossingID: "rio-grande-city", latitude: 26.365855, longitude: -98.802404, source: "UNT/TxDOT"),  // Starr-Camargo Bridge
    ReferenceCoordinate(crossingID: "los-ebanos-ferry", latitude: 26.239494, longitude: -98.565036, source: "UNT/TxDOT"),  // Los Ebanos Ferry
    ReferenceCoordinate(crossingID: "anzalduas", latitude: 26.116589, longitude: -98.318268, source: "UNT/TxDOT"),  // Anzalduas International Bridge
    ReferenceCoordinate(crossingID: "mcallen-hidalgo", latitude: 26.095424, longitude: -98.271909, source: "UNT/TxDOT"),  // McAllen-Hidalgo International Bridge
    ReferenceCoordinate(crossingID: "pharr", latitude: 26.066916, longitude: -98.205235, source: "UNT/TxDOT"),  // Pharr International Bridge
    ReferenceCoordinate(crossingID: "donna", latitude: 26.065651, longitude: -98.075671, source: "UNT/TxDOT"),  // Donna-Rio Bravo International Bridge
    ReferenceCoordinate(crossingID: "progreso", latitude: 26.062279, longitude: -97.949994, source: "UNT/TxDOT"),  // Progreso International Bridge
    ReferenceCoordinate(crossingID: "los-indios", latitude: 26.029172, longitude: -97.73885, source: "UNT/TxDOT"),  // Free Trade International Bridge (Los Indios)
    ReferenceCoordinate(crossingID: "brownsville-b-and-m", latitude: 25.892029, longitude: -97.504685, source: "UNT/TxDOT"),  // Brownsville & Matamoros Express Bridge
    ReferenceCoordinate(crossingID: "brownsville-gateway", latitude: 25.898899, longitude: -97.497516, source: "UNT/TxDOT"),  // Gateway International Bridge
    ReferenceCoordinate(crossingID: "brownsville-rail", latitude: 25.962514, longitude: -97.583291, source: "UNT/TxDOT"),  // West Rail Bridge
    ReferenceCoordinate(crossingID: "brownsville-veterans", latitude: 25.883758, longitude: -97.476112, source: "UNT/TxDOT"),  // Veterans International Bridge at Los Tomates
]
