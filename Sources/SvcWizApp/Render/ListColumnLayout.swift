import TerminalUI
import ServiceModel

/// Which list columns fit and how wide each is, from what the rows on screen hold. Each
/// column asks for its header and its widest visible cell (display width, so CJK aliases
/// count double); none is wider than that. Columns are taken from the left at their floor
/// (the smaller of what they ask and a minimum), so the rightmost ones drop first as the
/// terminal narrows; the room left goes to the columns that are cut, the one closest to
/// whole first, so as many cells as possible show in full.
struct ListColumnLayout: Equatable {
    struct Column: Equatable {
        var column: ServiceColumn
        var width: Int
    }

    /// What a column asks for: its header (with the sort marker) and its widest visible cell.
    struct Demand: Equatable {
        var column: ServiceColumn
        var header: Int
        var content: Int

        var wanted: Int { max(header, content) }
    }

    /// The first cell of every row holds the selection (`>`) or mark (`*`).
    static let markerWidth = 1
    static let gap = 1

    let columns: [Column]

    init(width: Int, demands: [Demand]) {
        var chosen: [Column] = []
        var used = Self.markerWidth
        for demand in demands {
            let floor = min(Self.minimum(demand.column), demand.wanted)
            let need = floor + (chosen.isEmpty ? 0 : Self.gap)
            guard used + need <= width else { break }
            chosen.append(Column(column: demand.column, width: floor))
            used += need
        }
        var spare = width - used
        let cut = chosen.indices.filter { chosen[$0].width < demands[$0].wanted }
            .sorted { (demands[$0].wanted - chosen[$0].width, $0) < (demands[$1].wanted - chosen[$1].width, $1) }
        for index in cut where spare > 0 {
            let grow = min(spare, demands[index].wanted - chosen[index].width)
            chosen[index].width += grow
            spare -= grow
        }
        columns = chosen
    }

    /// The columns in the order the list shows them.
    static func order(showNamespace: Bool) -> [ServiceColumn] {
        (showNamespace ? [.namespace] : []) + [.name, .type, .clusterIP, .external, .ports, .backends, .selector, .age]
    }

    /// The demands of `columns` given their headers and the visible rows' cells, one
    /// string per column in each row.
    static func demands(_ columns: [ServiceColumn], headers: [String], cells: [[String]]) -> [Demand] {
        columns.indices.map { i in
            Demand(column: columns[i], header: headers[i].displayWidth,
                   content: cells.reduce(0) { max($0, $1[i].displayWidth) })
        }
    }

    /// Below this a column is left out rather than shown (unless it asks for less).
    static func minimum(_ column: ServiceColumn) -> Int {
        switch column {
        case .namespace: return 10
        case .name: return 20
        case .type: return 15
        case .clusterIP: return 11
        case .external: return 10
        case .ports: return 12
        case .backends: return 5
        case .selector: return 12
        case .age: return 5
        }
    }

    /// The header for a column of `width` cells, in the user's language: BACKENDS shortens
    /// to BACK at 80 columns, as the wireframe has it, rather than being cut.
    static func header(_ column: ServiceColumn, width: Int, text: UIText) -> String {
        let full = text(headerKey(column))
        return column == .backends && width < full.displayWidth ? text(.columnBackendsShort) : full
    }

    static func headerKey(_ column: ServiceColumn) -> UIKey {
        switch column {
        case .namespace: return .columnNamespace
        case .name: return .columnName
        case .type: return .columnType
        case .clusterIP: return .columnClusterIP
        case .external: return .columnExternal
        case .ports: return .columnPorts
        case .backends: return .columnBackends
        case .selector: return .columnSelector
        case .age: return .columnAge
        }
    }
}
