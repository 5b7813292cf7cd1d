import ReportSpec

/// Where the internal outputs go: what identifies units (their answers, the validation
/// notes that name them and quote their text, the regional profiles) stays in a folder of
/// its own, apart from what may be published, and the disclosure check skips it.
package enum InternalOutputs {
    package static let folder = OutputLayout.internalFolder

    /// Whether a path relative to the output folder is internal.
    package static func contains(_ path: String) -> Bool { path == folder || path.hasPrefix(folder + "/") }
}
