/// The workbook-level parts of an xlsx package: sheet list, relationships, styles and
/// shared strings. Parsed once when a workbook is opened.
package struct PackageParts {
    package struct SheetEntry {
        package let name: String
        package let path: String
        package let isHidden: Bool
    }

    package var sheets: [SheetEntry] = []
    var date1904 = false
    var sharedStrings: [String] = []
    /// Per cell style (`s` attribute): does its number format show a date?
    var dateStyles: [Bool] = []

    static let officeDocumentType = "/officeDocument"

    package init(package: ZipPackage, limits: IngestLimits) throws {
        let workbookPath = try Self.workbookPath(package: package, limits: limits)
        let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
        let relsPath =
            (folder.isEmpty ? "" : folder + "/") + "_rels/"
            + (workbookPath.split(separator: "/").last.map(String.init) ?? "workbook.xml") + ".rels"
        let relationships =
            package.contains(relsPath)
            ? try Self.relationships(package.readAll(relsPath), entry: relsPath, file: package.fileName, limits: limits)
            : []
        func resolve(_ target: String) -> String {
            if target.hasPrefix("/") { return String(target.dropFirst()) }
            var parts = folder.split(separator: "/").map(String.init)
            for piece in target.split(separator: "/") {
                if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
            }
            return parts.joined(separator: "/")
        }
        var byId: [String: String] = [:]
        for relation in relationships { byId[relation.id] = resolve(relation.target) }

        // Workbook: sheet names and their relationship ids.
        let workbookBytes = try package.readAll(workbookPath)
        var declared: [(name: String, rid: String, hidden: Bool)] = []
        do {
            try XMLScanner.scan(workbookBytes, maxDepth: limits.maxXMLDepth) { scanner, token in
                guard token.kind == .start else { return }
                if scanner.localName(token.range, is: XMLNames.sheet) {
                    let name = try scanner.attribute(XMLNames.name, in: token) ?? ""
                    let rid = try scanner.attribute(XMLNames.id, in: token) ?? ""
                    let state = try scanner.attribute(XMLNames.state, in: token)
                    declared.append((name, rid, state == "hidden" || state == "veryHidden"))
                } else if scanner.localName(token.range, is: XMLNames.workbookPr) {
                    date1904 = scanner.isTrue(try scanner.attribute(XMLNames.date1904, in: token))
                }
            }
        } catch let error as XMLError {
            throw IngestError(file: package.fileName, .xml(entry: workbookPath, error))
        }
        for (index, sheet) in declared.enumerated() {
            let path = byId[sheet.rid] ?? "\(folder)/worksheets/sheet\(index + 1).xml"
            sheets.append(SheetEntry(name: sheet.name, path: path, isHidden: sheet.hidden))
        }

        let stylesPath =
            relationships.first { $0.type.hasSuffix("/styles") }.map { resolve($0.target) }
            ?? "\(folder)/styles.xml"
        if package.contains(stylesPath) {
            dateStyles = try Self.dateStyles(
                package.readAll(stylesPath), entry: stylesPath,
                file: package.fileName, limits: limits)
        }
        let stringsPath =
            relationships.first { $0.type.hasSuffix("/sharedStrings") }.map { resolve($0.target) }
            ?? "\(folder)/sharedStrings.xml"
        if package.contains(stringsPath) {
            sharedStrings = try Self.sharedStrings(package: package, entry: stringsPath, limits: limits)
        }
    }

    private static func workbookPath(package: ZipPackage, limits: IngestLimits) throws -> String {
        if package.contains("_rels/.rels") {
            let rels = try relationships(
                package.readAll("_rels/.rels"), entry: "_rels/.rels",
                file: package.fileName, limits: limits)
            if let main = rels.first(where: { $0.type.hasSuffix(officeDocumentType) }) {
                let path = main.target.hasPrefix("/") ? String(main.target.dropFirst()) : main.target
                if package.contains(path) { return path }
            }
        }
        guard package.contains("xl/workbook.xml") else {
            throw IngestError(file: package.fileName, .missingPart("xl/workbook.xml"))
        }
        return "xl/workbook.xml"
    }

    struct Relationship {
        let id: String
        let target: String
        let type: String
    }

    private static func relationships(
        _ bytes: [UInt8], entry: String, file: String,
        limits: IngestLimits
    ) throws -> [Relationship] {
        var result: [Relationship] = []
        do {
            try XMLScanner.scan(bytes, maxDepth: limits.maxXMLDepth) { scanner, token in
                guard token.kind == .start, scanner.localName(token.range, is: XMLNames.relationship) else { return }
                result.append(
                    Relationship(
                        id: try scanner.attribute(XMLNames.capitalId, in: token) ?? "",
                        target: try scanner.attribute(XMLNames.target, in: token) ?? "",
                        type: try scanner.attribute(XMLNames.type, in: token) ?? ""))
            }
        } catch let error as XMLError {
            throw IngestError(file: file, .xml(entry: entry, error))
        }
        return result
    }

    private static func dateStyles(
        _ bytes: [UInt8], entry: String, file: String,
        limits: IngestLimits
    ) throws -> [Bool] {
        var customFormats: [Int: String] = [:]
        var xfFormats: [Int] = []
        var inCellXfs = false
        do {
            try XMLScanner.scan(bytes, maxDepth: limits.maxXMLDepth) { scanner, token in
                switch token.kind {
                case .start:
                    if scanner.localName(token.range, is: XMLNames.numFmt),
                        let id = try scanner.integerAttribute(XMLNames.numFmtId, in: token)
                    {
                        customFormats[id] = try scanner.attribute(XMLNames.formatCode, in: token) ?? ""
                    } else if scanner.localName(token.range, is: XMLNames.cellXfs) {
                        inCellXfs = !token.selfClosing
                    } else if inCellXfs, scanner.localName(token.range, is: XMLNames.xf) {
                        xfFormats.append(try scanner.integerAttribute(XMLNames.numFmtId, in: token) ?? 0)
                    }
                case .end:
                    if scanner.localName(token.range, is: XMLNames.cellXfs) { inCellXfs = false }
                default:
                    break
                }
            }
        } catch let error as XMLError {
            throw IngestError(file: file, .xml(entry: entry, error))
        }
        return xfFormats.map { NumberFormat.isDate(id: $0, code: customFormats[$0]) }
    }

    private static func sharedStrings(package: ZipPackage, entry: String, limits: IngestLimits) throws -> [String] {
        var strings: [String] = []
        var scanner = XMLScanner(maxDepth: limits.maxXMLDepth)
        var current = ""
        var inSI = false
        var inT = false
        var phoneticDepth = 0
        func drain(isFinal: Bool) throws {
            while let token = try scanner.next(isFinal: isFinal) {
                switch token.kind {
                case .start:
                    if scanner.localName(token.range, is: XMLNames.si) {
                        inSI = !token.selfClosing
                        current = ""
                        if token.selfClosing { strings.append("") }
                    } else if scanner.localName(token.range, is: XMLNames.rPh) {
                        if !token.selfClosing { phoneticDepth += 1 }
                    } else if inSI, phoneticDepth == 0, scanner.localName(token.range, is: XMLNames.t) {
                        inT = !token.selfClosing
                    }
                case .end:
                    if scanner.localName(token.range, is: XMLNames.si) {
                        strings.append(OOXMLEscapes.decode(current))
                        inSI = false
                    } else if scanner.localName(token.range, is: XMLNames.rPh) {
                        phoneticDepth = max(0, phoneticDepth - 1)
                    } else if scanner.localName(token.range, is: XMLNames.t) {
                        inT = false
                    }
                case .text, .cdata:
                    if inT {
                        current +=
                            token.kind == .cdata
                            ? String(decoding: scanner.buffer[token.range], as: UTF8.self)
                            : try scanner.decode(token.range)
                    }
                }
            }
        }
        do {
            try package.read(entry) { chunk in
                scanner.append(chunk)
                try drain(isFinal: false)
            }
            try drain(isFinal: true)
        } catch let error as XMLError {
            throw IngestError(file: package.fileName, .xml(entry: entry, error))
        }
        return strings
    }
}
