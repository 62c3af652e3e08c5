import Foundation

/// The University of North Texas / TxDOT names of the Texas crossings (`POE` and `Crossing` columns of
/// CBP-Border-Crossings' monthly counts) and the dataset crossing each one is, with the CBP port code the
/// crossing belongs to. Written out by hand, one line per bridge, so that a renamed or new bridge in a later
/// release stops the build with a clear error instead of being guessed.
enum TexasBridgeNames {
    /// One bridge of the UNT file.
    struct Entry {
        /// UNT's port of entry, such as "Laredo" or "Marcelino Serna".
        let poe: String
        /// UNT's crossing name.
        let crossing: String
        /// The dataset's crossing id; nil for a row the project keeps no per-crossing series of.
        let id: String?
        /// The CBP port code of the dataset crossing (the dataset's `portCode`, checked when a dataset is given).
        let portCode: String
        /// Why a row has no id.
        let note: String?

        init(_ poe: String, _ crossing: String, _ id: String?, port portCode: String, note: String? = nil) {
            self.poe = poe
            self.crossing = crossing
            self.id = id
            self.portCode = portCode
            self.note = note
        }
    }

    /// Every Texas crossing of the UNT file, west to east.
    static let entries: [Entry] = [
        Entry("El Paso", "Paso del Norte Bridge", "el-paso-paso-del-norte", port: "2402"),
        Entry("El Paso", "Good Neighbor Bridge", "el-paso-good-neighbor", port: "2402"),
        Entry("El Paso", "Bridge of the Americas", "el-paso-bridge-of-the-americas", port: "2402"),
        // One UNT row for the BNSF and Union Pacific bridges together: no per-bridge count exists, so the
        // project keeps none; El Paso's rail is the BTS whole-port series (port 2402, rail), which counts the
        // same two bridges (the two agree within a few per cent).
        Entry("El Paso", "El Paso Railroad Bridges", nil, port: "2402",
              note: "covers both El Paso rail bridges; the port's rail series (2402, BTS) stands for them"),
        Entry("Ysleta", "Ysleta Bridge", "ysleta-zaragoza", port: "2401"),
        Entry("Marcelino Serna", "Marcelino Serna Bridge", "tornillo-marcelino-serna", port: "2404"),
        Entry("Marcelino Serna", "Fort Hancock-El Porvenir Bridge", "fort-hancock", port: "2404"),
        Entry("Presidio", "Presidio-Ojinaga International Bridge", "presidio", port: "2403"),
        Entry("Presidio", "Boquillas", "boquillas", port: "2410"),
        Entry("Del Rio", "Lake Amistad Dam Crossing", "amistad-dam", port: "2302"),
        Entry("Del Rio", "Del Rio International Bridge", "del-rio", port: "2302"),
        Entry("Eagle Pass", "Eagle Pass International Bridge", "eagle-pass-bridge-1", port: "2303"),
        Entry("Eagle Pass", "Camino Real International Bridge", "eagle-pass-camino-real", port: "2303"),
        Entry("Eagle Pass", "Union Pacific Eagle Pass Railroad Bridge", "eagle-pass-rail", port: "2303"),
        Entry("Laredo", "Colombia Solidarity Bridge", "laredo-colombia-solidarity", port: "2304"),
        Entry("Laredo", "World Trade Bridge", "laredo-world-trade", port: "2304"),
        Entry("Laredo", "Canadian Pacific Kansas City Laredo Railroad Bridge", "laredo-rail", port: "2304"),
        Entry("Laredo", "Gateway to the Americas Bridge", "laredo-gateway-to-the-americas", port: "2304"),
        Entry("Laredo", "Juárez-Lincoln International Bridge", "laredo-juarez-lincoln", port: "2304"),
        Entry("Roma", "Lake Falcon Dam International Crossing", "falcon-dam", port: "2310"),
        Entry("Roma", "Roma-Ciudad Miguel Alemán International Bridge", "roma", port: "2310"),
        Entry("Rio Grande City", "Starr-Camargo Bridge", "rio-grande-city", port: "2307"),
        Entry("Rio Grande City", "Los Ebanos Ferry", "los-ebanos-ferry", port: "2307"),
        Entry("Hidalgo", "Anzalduas International Bridge", "anzalduas", port: "2305"),
        Entry("Hidalgo", "McAllen-Hidalgo International Bridge", "mcallen-hidalgo", port: "2305"),
        Entry("Hidalgo", "Pharr International Bridge", "pharr", port: "2305"),
        Entry("Progreso", "Donna-Rio Bravo International Bridge", "donna", port: "2309"),
        Entry("Progreso", "Progreso International Bridge", "progreso", port: "2309"),
        Entry("Brownsville", "Free Trade International Bridge (Los Indios)", "los-indios", port: "2301"),
        Entry("Brownsville", "West Rail Bridge", "brownsville-rail", port: "2301"),
        Entry("Brownsville", "Brownsville & Matamoros Express Bridge", "brownsville-b-and-m", port: "2301"),
        Entry("Brownsville", "Gateway International Bridge", "brownsville-gateway", port: "2301"),
        Entry("Brownsville", "Veterans International Bridge at Los Tomates", "brownsville-veterans", port: "2301"),
    ]

    /// The entry for a UNT port of entry and crossing name, compared without regard to case, accents or
    /// runs of spaces.
    static func entry(poe: String, crossing: String) -> Entry? {
        let key = (fold(poe), fold(crossing))
        return entries.first { (fold($0.poe), fold($0.crossing)) == key }
    }

    private static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}
