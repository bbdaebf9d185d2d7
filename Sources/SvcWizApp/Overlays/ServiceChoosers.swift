import ServiceModel
import TerminalUI

/// `e`: which part of a service to edit. External access is offered only where there is a
/// virtual IP.
package struct EditChooser: Sendable, Hashable {
    package var service: ServiceID
    package var steps: [WizardStep]
    package var chooser = Chooser()

    package init(service: ServiceID, headless: Bool) {
        self.service = service
        steps = headless ? [.basicInfo, .serviceSettings, .labels] : WizardStep.allCases
    }

    mutating func handle(_ key: Key) -> [OverlayCommand] {
        let service = self.service, steps = self.steps
        return Overlay.commands(chooser.handle(key, count: steps.count)) { .edit(service, steps[$0]) }
    }
}

/// A file with several Services: which one to import.
package struct ImportChooser: Sendable, Hashable {
    package var services: [ManifestNode]
    package var path: String
    package var chooser = Chooser()

    package init(services: [ManifestNode], path: String) {
        self.services = services
        self.path = path
    }

    mutating func handle(_ key: Key) -> [OverlayCommand] {
        let services = self.services
        return Overlay.commands(chooser.handle(key, count: services.count)) { .importService(services[$0]) }
    }
}
