/// A user of the `MonitoringPipeline` library catches `any UserFacingError` from `run()`
/// and reads its message and exit code without importing another module.
@_exported import Diagnostics
