import Foundation
import ServiceModel
import ServiceStore
import SvcWizApp
import TerminalUI

/// Key-to-frame timings with the app's own state and renderer: `AppState.update` for the
/// key, then `AppRenderer.render` of the whole frame onto an 80x24 `MemorySurface` (the same
/// call the terminal makes before ncurses sends the changed cells).
struct KeyFigures {
    var move = Samples()
    var filterNarrow = Samples()
    var filterWiden = Samples()
    var sort = Samples()
    var reverse = Samples()
    /// Sort samples by the column sorted on, to see which key is slow.
    var sortByColumn: [String: Samples] = [:]

    var filterAll: Samples { Samples(values: filterNarrow.values + filterWiden.values) }
}

struct AppDriver {
    var state: AppState
    let surface = MemorySurface(columns: 80, rows: 24)
    let clock = ContinuousClock()

    init(rows: [ServiceSummary], location: String) {
        state = AppState(text: UIText(.en), backend: BackendInfo(kind: .workspace, location: location), readOnly: false,
                         size: TerminalSize(columns: 80, rows: 24), scope: .named("default"), exportFolder: "/tmp")
        _ = state.update(.servicesLoaded(.named("default"), .success(rows)))
        AppRenderer.render(state, on: surface)
    }

    /// One key, event to rendered frame.
    mutating func press(_ key: Key) -> Duration {
        let start = clock.now
        _ = state.update(.key(key))
        AppRenderer.render(state, on: surface)
        return clock.now - start
    }

    mutating func apply(_ event: AppEvent) {
        _ = state.update(event)
        AppRenderer.render(state, on: surface)
    }
}

enum InProcess {
    static func keyFigures(rows: [ServiceSummary], rounds: Int) -> KeyFigures {
        var driver = AppDriver(rows: rows, location: "/tmp/bench")
        var figures = KeyFigures()
        // Move: down a page and a half of rows and back, many times (scrolling included).
        for _ in 0..<rounds {
            for _ in 0..<50 { figures.move.add(driver.press(.down)) }
            for _ in 0..<50 { figures.move.add(driver.press(.up)) }
        }
        // Filter: type a word one character at a time, then erase it the same way.
        _ = driver.press(.character("/"))
        let word = Array("orders-1")
        for _ in 0..<rounds {
            for character in word { figures.filterNarrow.add(driver.press(.character(character))) }
            for _ in word { figures.filterWiden.add(driver.press(.backspace)) }
        }
        _ = driver.press(.escape)
        // Sort: `s` cycles through every column; `S` reverses.
        for _ in 0..<rounds {
            for _ in 0..<8 {
                let elapsed = driver.press(.character("s"))
                figures.sort.add(elapsed)
                figures.sortByColumn[driver.state.list.services.sortColumn.rawValue, default: Samples()].add(elapsed)
            }
            figures.reverse.add(driver.press(.character("S")))
        }
        return figures
    }

    /// The list rows of a first frame, to recognise it on the pty: the text of the last
    /// list row's NAME cell as the screen shows it.
    static func lastRowMarker(rows: [ServiceSummary]) -> String {
        let driver = AppDriver(rows: rows, location: "/tmp/bench")
        let lines = driver.surface.lines
        let lastListLine = lines[lines.count - 3]
        let cell = lastListLine.dropFirst().split(separator: " ").first.map(String.init) ?? ""
        return cell
    }
}
