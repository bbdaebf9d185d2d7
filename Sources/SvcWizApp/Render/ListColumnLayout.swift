import TerminalUI
import ServiceModel

/// Which list columns fit and how wide each is. Columns are taken from the left while their
/// minimum widths fit, so the rightmost ones drop first as the terminal narrows; the room
/// left over widens the columns that most often hold long text.
struct ListColumnLayout: Equatable {
    struct Column: Equatable {
        var column: ServiceColumn
        var width: Int
    }

    /// The first cell of every row holds the selection (`>`) or mark (`*`).
    static let markerWidth = 1
    static let gap = 1

    let columns: [Column]

    init(width: Int, showNamespace: Bool) {
        let order: [ServiceColumn] = (showNamespace ? [.namespace] : []) + [.name, .type, .clusterIP, .external, .ports, .backends, .selector, .age]
        var chosen: [Column] = []
        var used = Self.markerWidth
        for column in order {
            let need = Self.minimum(column) + (chosen.isEmpty ? 0 : Self.gap)
            guard used + need <= width else { break }
            chosen.append(Column(column: column, width: Self.minimum(column)))
            used += need
        }
        var spare = width - used
        for column in Self.growOrder {
            guard spare > 0, let index = chosen.firstIndex(where: { $0.column == column }) else { continue }
            let grow = min(spare, Self.preferred(column) - chosen[index].width)
            chosen[index].width += grow
            spare -= grow
        }
        if spare > 0, let name = chosen.firstIndex(where: { $0.column == .name }) {
            chosen[name].width += spare
        }
        columns = chosen
    }

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

    static func preferred(_ column: ServiceColumn) -> Int {
        switch column {
        case .namespace: return 16
        case .name: return 30
        case .type: return 22
        case .clusterIP: return 15
        case .external: return 22
        case .ports: return 28
        case .backends: return 8
        case .selector: return 30
        case .age: return 5
        }
    }

    static let growOrder: [ServiceColumn] = [.name, .backends, .type, .ports, .external, .clusterIP, .selector, .namespace]

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
