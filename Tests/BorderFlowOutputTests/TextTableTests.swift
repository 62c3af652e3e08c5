import BorderFlowOutput
import Testing

/// The plain-text tables of `--format table`: a header, a line of dashes, columns two spaces apart.
@Suite("Text tables")
struct TextTableTests {
    func render(_ columns: [TextTable.Column], _ rows: [[String]]) -> [String] {
        var table = TextTable(columns: columns)
        for row in rows { table.append(row) }
        let text = table.render()
        #expect(text.hasSuffix("\n"))
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test func textIsFlushLeftAndNumbersFlushRightUnderAnUnderlinedHeader() {
        let lines = render([.init("CROSSING"), .init("POV/DAY", .right)], [["lukeville", "810"], ["san-luis-1", "8,717"]])
        #expect(lines == [
            "CROSSING    POV/DAY",
            "----------  -------",
            "lukeville       810",
            "san-luis-1    8,717",
        ])
    }

    @Test func eachColumnIsAsWideAsItsWidestCellOrTitle() {
        let lines = render([.init("A"), .init("LONG TITLE"), .init("N", .right)], [["wide cell", "x", "1"], ["y", "z", "12345"]])
        let widths = [max(1, "wide cell".count), "LONG TITLE".count, "12345".count]
        #expect(lines[1] == widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        // Every right-aligned cell ends where the column does: under the last dash.
        for line in lines.dropFirst(2) {
            #expect(line.count == widths.reduce(0, +) + 2 * (widths.count - 1), "\(line)")
        }
        #expect(lines[2].hasPrefix("wide cell  x  "))
        #expect(lines[3] == "y          z           12345")
    }

    @Test func linesHaveNoTrailingSpaces() {
        let lines = render([.init("ID"), .init("NOTE")], [["a", ""], ["b", "short"], ["c", "a longer note"]])
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") })
        #expect(lines[2] == "a")
        #expect(lines[3] == "b   short")
    }

    @Test func anEmptyTableIsItsHeaderAndUnderline() {
        var table = TextTable(columns: [.init("ID"), .init("KM", .right)])
        #expect(table.rows.isEmpty)
        #expect(table.render() == "ID  KM\n--  --\n")
        table.append(["x", "1"])
        #expect(table.rows == [["x", "1"]])
    }

    @Test func aShortRowLeavesItsLastCellsBlank() {
        let lines = render([.init("A"), .init("B"), .init("C", .right)], [["a"], ["aa", "bb", "cc"]])
        #expect(lines[2] == "a")
        #expect(lines[3] == "aa  bb  cc")
    }

    @Test func accentedNamesAlignWhetherComposedOrNot() {
        // Widths count characters as people read them: "León" is four whether é is one scalar or e + ◌́.
        let composed = "Nuevo Le\u{F3}n", decomposed = "Nuevo Leo\u{301}n"
        let lines = render([.init("STATE"), .init("CROSSINGS", .right)], [[composed, "12"], [decomposed, "3"], ["Sonora", "10"]])
        #expect(lines[1] == "----------  ---------")
        #expect(lines[2] == composed + "         12")
        #expect(lines[3] == decomposed + "          3")
        #expect(lines[4] == "Sonora" + String(repeating: " ", count: 4 + 2 + 7) + "10")
    }

    @Test func controlCharactersInCellsAreLeftOutAndTheColumnsStayAligned() {
        let lines = render([.init("NAME"), .init("N", .right)], [["\u{1B}[31mGate\u{07} A", "1"], ["Gate\tB\nnext", "22"]])
        #expect(lines == [
            "NAME          N",
            "-----------  --",
            "[31mGate A    1",
            "Gate B next  22",
        ])
    }
}

/// Counts for people: whole numbers with thousands separators.
@Suite("Formatting counts")
struct FormatCountTests {
    @Test(arguments: [
        (0.0, "0"), (7, "7"), (999, "999"), (1_000, "1,000"), (12_345, "12,345"), (100_000, "100,000"),
        (1_234_567, "1,234,567"), (-1_234, "-1,234"), (-999, "-999"), (-1_000_000, "-1,000,000"),
    ])
    func groupsDigitsInThrees(_ value: Double, _ expected: String) {
        #expect(formatCount(value) == expected)
    }

    @Test(arguments: [
        (1_234.5, "1,235"), (999.5, "1,000"), (-999.5, "-1,000"), (2.4999, "2"), (0.5, "1"), (-0.4, "0"), (-0.0, "0"),
    ])
    func roundsToTheNearestWholeNumberHalvesAwayFromZeroAndNeverWritesMinusZero(_ value: Double, _ expected: String) {
        #expect(formatCount(value) == expected)
    }

    @Test func everyWholeNumberReadsBackOnceTheSeparatorsAreRemoved() {
        var values: [Int64] = []
        var power: Int64 = 1
        for _ in 0..<18 {
            values += [power, power - 1, power + 1, -power, -(power - 1)]
            power *= 10
        }
        // And a fixed spread of magnitudes below 2⁶², from a linear congruential sequence.
        var state: UInt64 = 2023
        for _ in 0..<300 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append(Int64(bitPattern: state) >> (1 + state % 62))
        }
        for value in values {
            let text = formatCount(Double(value))
            let expected = Int64(Double(value))
            #expect(Int64(text.replacingOccurrences(of: ",", with: "")) == expected, "\(value) → \(text)")
            // Groups of three after the first, which has one to three digits.
            let groups = text.drop { $0 == "-" }.split(separator: ",", omittingEmptySubsequences: false)
            #expect((1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }, "\(text)")
        }
    }

    @Test func theLargestCountsStillGroup() {
        // 8.9e18 is a whole Double below Int64.max.
        #expect(formatCount(8.9e18) == "8,900,000,000,000,000,000")
        #expect(formatCount(-8.9e18) == "-8,900,000,000,000,000,000")
    }

    @Test func valuesBeyondAWhole64BitNumberAreWrittenUngroupedAndReadBack() {
        for value in [1e19, -1e19, 1e300, Double(Int64.max), Double.greatestFiniteMagnitude] {
            let text = formatCount(value)
            #expect(!text.contains(","), "\(text)")
            #expect(Double(text) == value, "\(text)")
        }
    }

    @Test func notANumberAndInfinitiesAreNamedNotTrapped() {
        #expect(formatCount(.nan) == "nan")
        #expect(formatCount(.infinity) == "inf")
        #expect(formatCount(-.infinity) == "-inf")
    }

    @Test func aCountTakesTheSingularOnlyWhenItPrintsAsOne() {
        #expect(formatCount(1, "extra bus-hour", "extra bus-hours") == "1 extra bus-hour")
        #expect(formatCount(0.7, "bus", "buses") == "1 bus")
        #expect(formatCount(-1, "bus", "buses") == "-1 bus")
        #expect(formatCount(0.4, "extra bus-hour", "extra bus-hours") == "0 extra bus-hours")
        #expect(formatCount(1.5, "railcar", "railcars") == "2 railcars")
        #expect(formatCount(1_000, "person", "persons") == "1,000 persons")
    }
}
