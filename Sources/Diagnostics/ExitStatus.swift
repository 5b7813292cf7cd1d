/// The exit codes of the `monitoring` command (documented in README.md).
public enum ExitStatus: Int32, Sendable, CaseIterable {
    case ok = 0
    /// The data (catalogue or waves) has errors; nothing was written.
    case dataErrors = 1
    /// The command line, the report spec, its template or house style is wrong.
    case usage = 2
    /// Writing the outputs failed (disk, permissions, libxlsxwriter, a publishing tool).
    case outputFailed = 3
    /// The data outputs were written, but a report format asked for explicitly (`--formats`
    /// or the spec's `formats`) was skipped because its tool is missing.
    case formatSkipped = 4
}
