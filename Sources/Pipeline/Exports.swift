// The public surface of the `MonitoringPipeline` library: `import Pipeline` alone gives a
// user every type that `ReportPipeline` takes, returns or throws. Everything else the
// modules share is `package`. `LibraryExampleTests` compiles the README's example with
// MemberImportVisibility on, so a type missing here fails the build.

/// Errors: every one a `UserFacingError` with a message and the CLI's exit code.
@_exported import Diagnostics

@_exported import struct Ingest.CellLocation
@_exported import struct Ingest.CellRange
/// Where a data problem is: `ValidationIssue` and `IngestError` name the cell.
@_exported import struct Ingest.CellReference
@_exported import struct Ingest.IngestError
@_exported import struct Ingest.IngestLimits
@_exported import enum Ingest.XMLError
@_exported import struct Normalise.DataProblems
@_exported import struct Normalise.ValidationIssue
@_exported import enum Publish.PublishError
@_exported import struct RenderReport.TemplateError
/// Options: the report formats and the reader's limits.
@_exported import enum ReportSpec.OutputFormat
@_exported import struct ReportSpec.SpecError
@_exported import struct ReportSpec.SpecErrors
