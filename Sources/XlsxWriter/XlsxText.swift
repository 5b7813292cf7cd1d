/// A text made into a C string once, for cells that repeat it many times (a region's name
/// on every row of the answers sheet): `write(_: String, …)` converts on every call.
package struct XlsxText: Sendable {
    /// UTF-8 with a terminating zero.
    let bytes: ContiguousArray<UInt8>

    package init(_ text: String) {
        var bytes = ContiguousArray(text.utf8)
        bytes.append(0)
        self.bytes = bytes
    }
}
