/// Which release of BorderFlow this is, as `borderflow --version` prints it.
public enum BorderFlowVersion {
    /// The release, as semantic versioning spells it; the minor number counts the issues the release closes.
    public static let current = "0.16.0"
}
