/// The range of `--seed`: JSON numbers are doubles, exact for whole numbers up to 2^53 − 1, and the seed is
/// printed in the JSON as a number that scripts must read back exactly.
enum SeedOption {
    static let largest: UInt64 = (1 << 53) - 1
    static let tooLarge = "--seed must be from 0 to 9007199254740991 (2^53 − 1), so that the JSON's seed reads back exactly"
}
