import Aggregate
import Foundation
import ModelFixtures
import RenderSVG
import TestSupport
import Testing

/// The shipped survey's 22 charts, through the layout checker (the renderer's own tests run
/// on the hand-made survey in `RenderSVGTests`).
@Suite struct ShippedFiguresTests {
    static var canCheckSVG: Bool { ExternalTool.checkSVG != nil && ExternalTool.exists("chromium") && ExternalTool.exists("python3") }

    @Test(.enabled(if: canCheckSVG, "needs chromium, python3 and shared/tools/check-svg"))
    func everyShippedFigurePassesCheckSVG() throws {
        let model = try #require(ReportModelBuilder.shipped?.model)
        let folder = try TemporaryFolder.make()
        for figure in model.figures {
            try FigureRenderer().svg(figure, context: FigureContext(model: model))
                .write(to: folder.appendingPathComponent("\(figure.fileStem).svg"), atomically: true, encoding: .utf8)
        }
        let result = try ExternalTool.run("python3", [try #require(ExternalTool.checkSVG).path, folder.path])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("22 passed, 0 failed"))
    }
}
