/// The report's figures as SVG files (`abbildungen/<stem>.svg`), rendered beforehand.
struct FiguresOutput: OutputWriter {
    let figures: RenderedFigures

    var name: String { "SVG figures" }

    func write(into folder: AtomicOutputDirectory) async throws -> WrittenOutput {
        for figure in figures.svgs { try folder.write(figure.svg, to: figures.path(of: figure.stem)) }
        return WrittenOutput(files: figures.svgs.map { figures.path(of: $0.stem) })
    }
}
