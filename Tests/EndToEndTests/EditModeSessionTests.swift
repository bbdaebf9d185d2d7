import Foundation
import Testing
import ServiceModel

/// Edit mode, import, export and editing a stored service, by keys in a real terminal.
@Suite(.serialized)
struct EditModeSessionTests {
    typealias Session = WizardSessionTests.Session

    func press(_ session: Session, _ keys: String...) async throws {
        for key in keys {
            try await session.tmux.keys(key)
            try await Task.sleep(nanoseconds: 150_000_000)
        }
    }

    @Test func theEditorAtEveryStepAndYAMLToJSONAndBack() async throws {
        let session = try await Session.start()
        try await session.launch()
        try await press(session, "c")
        try await session.tmux.waitFor { $0.contains("Create service") }
        try await session.tmux.type("text-mode")
        for step in 1...4 {
            try await press(session, "F2")
            let editor = try await session.tmux.waitFor { $0.contains("edit mode") }
            #expect(editor.contains("name: text-mode"), "step \(step)")
            try await press(session, "F2")
            try await session.tmux.waitFor { !$0.contains("edit mode") && $0.contains("[\(step)") }
            if step < 4 {
                if step == 2 {
                    // Step 2 needs a port before Next lets the user on.
                    try await press(session, "Tab", "Tab", "Tab", "Tab", "Tab", "Tab")
                    try await session.tmux.type("80")
                }
                try await press(session, "C-n")
                try await session.tmux.waitFor { $0.contains("[\(step + 1)") }
            }
        }
        try await press(session, "C-e", "F3")
        let json = try await session.tmux.waitFor { $0.contains("\"name\": \"text-mode\"") }
        #expect(json.contains("JSON"))
        try await press(session, "C-t")
        try await session.tmux.waitFor { $0.contains("name: text-mode") && !$0.contains("\"name\"") }
        // A broken line keeps the editor open with the message; fixing it lets the user go on.
        try await press(session, "End")
        try await session.tmux.type(": [")
        try await press(session, "Escape")
        let broken = try await session.tmux.waitFor { $0.contains("! line") }
        #expect(broken.contains("edit mode"))
        try await press(session, "C-u")
        try await press(session, "Escape")
        try await session.tmux.waitFor { !$0.contains("edit mode") && $0.contains("[4") }
        try await press(session, "C-s")
        try await session.tmux.waitFor { $0.contains("Created service text-mode") }
        _ = try await session.created("text-mode")
    }

    @Test func importTheSecondServiceOfAFileThenExportAndValidate() async throws {
        let session = try await Session.start()
        let file = session.workspace.deletingLastPathComponent().appendingPathComponent("two-\(UUID().uuidString).yaml")
        try """
        # two services
        apiVersion: v1
        kind: Service
        metadata: {name: first-import}
        spec:
          ports: [{port: 80}]
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: second-import
          labels: {team: web}
        spec:
          selector: {app: frontend}
          ports:
          - {name: http, port: 80, targetPort: 8080}
          publishNotReadyAddresses: true
        """.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        try await session.launch()
        try await press(session, "i")
        try await session.tmux.waitFor { $0.contains("Import file") }
        try await session.tmux.type(file.path)
        try await press(session, "Enter")
        try await session.tmux.waitFor { $0.contains("first-import") && $0.contains("second-import") }
        try await press(session, "Down", "Enter")
        try await session.tmux.waitFor { $0.contains("Create service") && $0.contains("second-import") }
        try await press(session, "C-s")
        try await session.tmux.waitFor { $0.contains("Created service second-import") }
        let created = try await session.created("second-import")
        #expect(created.node(at: "spec.publishNotReadyAddresses")?.bool == true, "the rest of the object is kept")
        #expect(created.node(at: "metadata.labels.team")?.string == "web")

        // Export from the detail screen into a folder, then validate what was written.
        let folder = session.workspace.appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try await press(session, "x")
        try await session.tmux.waitFor { $0.contains("Export to folder") }
        for _ in 0..<200 { try await session.tmux.keys("BSpace") }
        try await session.tmux.type(folder.path)
        try await press(session, "Enter")
        let path = folder.appendingPathComponent("second-import.shop.service.yaml").path
        try await session.tmux.waitFor { $0.contains("Wrote") }
        let validation = try await SvcWizBinary.run(["validate", path])
        #expect(validation.status == 0, "\(validation.stdout)")
        // Exporting again asks before overwriting.
        try await press(session, "x")
        try await session.tmux.waitFor { $0.contains("Export to folder") }
        try await press(session, "Enter")
        try await session.tmux.waitFor { $0.contains("Overwrite") }
        try await press(session, "n")
    }

    @Test func anExternalEditorScriptEditsTheText() async throws {
        let session = try await Session.start()
        let script = session.state.appendingPathComponent("edit.sh")
        try FileManager.default.createDirectory(at: session.state, withIntermediateDirectories: true)
        try "#!/bin/sh\nsed -i 's/tier: web/tier: edited-by-script/' \"$1\"\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let failing = session.state.appendingPathComponent("fail.sh")
        try "#!/bin/sh\necho broken > \"$1\"\nexit 3\n".write(to: failing, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: failing.path)

        try await session.tmux.type("EDITOR=\(failing.path) \(SvcWizBinary.path) --workspace '\(session.workspace.path)'")
        try await session.tmux.keys("Enter")
        try await session.tmux.waitFor { $0.contains("CLUSTER-IP") }
        try await press(session, "/")
        try await session.tmux.type("frontend")
        try await press(session, "Enter", "y")
        try await session.tmux.waitFor { $0.contains("edit mode") && $0.contains("tier: web") }
        try await press(session, "C-x")
        let unchanged = try await session.tmux.waitFor { $0.contains("exited with status 3") }
        #expect(unchanged.contains("tier: web"), "a failed editor leaves the text as it was")
        try await press(session, "C-c")
        try await session.tmux.waitFor { !$0.contains("edit mode") }

        try await session.tmux.type("EDITOR=\(script.path) \(SvcWizBinary.path) --workspace '\(session.workspace.path)'")
        try await session.tmux.keys("Enter")
        try await session.tmux.waitFor { $0.contains("CLUSTER-IP") }
        try await press(session, "/")
        try await session.tmux.type("frontend")
        try await press(session, "Enter", "y")
        try await session.tmux.waitFor { $0.contains("edit mode") }
        try await press(session, "C-x")
        try await session.tmux.waitFor { $0.contains("tier: edited-by-script") }
        try await press(session, "C-s")
        let diff = try await session.tmux.waitFor { $0.contains("Changes to frontend") }
        #expect(diff.contains("- ") && diff.contains("+ "))
        try await press(session, "C-s")
        try await session.tmux.waitFor { $0.contains("Saved frontend") }
        let text = try String(contentsOf: session.workspace.appendingPathComponent("services/frontend.service.yaml"), encoding: .utf8)
        #expect(text.contains("tier: edited-by-script"))
        #expect(text.hasPrefix("# Storefront web UI"), "the comment before the document survives")
    }

    @Test func editExternalAccessToLoadBalancerShowsTheDiff() async throws {
        let session = try await Session.start()
        try await session.launch()
        try await press(session, "/")
        try await session.tmux.type("frontend")
        try await press(session, "Enter", "e")
        try await session.tmux.waitFor { $0.contains("Edit frontend") }
        try await press(session, "Down", "Down", "Down", "Enter")
        try await session.tmux.waitFor { $0.contains("Access") && $0.contains("NodePort") }
        try await press(session, "Right")
        try await session.tmux.waitFor { $0.contains("Provider") }
        try await press(session, "Tab", "Tab", "Left", "Left")
        try await session.tmux.waitFor { $0.contains("qingcloud-load-balancer-eip-ids") }
        try await press(session, "Tab", "Tab")
        try await session.tmux.type("eip-42")
        try await press(session, "C-s")
        let diff = try await session.tmux.waitFor { $0.contains("Changes to frontend") }
        #expect(diff.contains("-   type: NodePort") || diff.contains("- type: NodePort") || diff.contains("type: NodePort"))
        #expect(diff.contains("+ ") && diff.contains("LoadBalancer"))
        try await press(session, "Enter")
        try await session.tmux.waitFor { $0.contains("Saved frontend") }
        let saved = try #require(try ManifestReader.objects(String(contentsOf: session.workspace.appendingPathComponent("services/frontend.service.yaml"), encoding: .utf8)).first)
        #expect(saved.node(at: "spec.type")?.string == "LoadBalancer")
        #expect(saved.node(at: "metadata.annotations[service.beta.kubernetes.io/qingcloud-load-balancer-eip-ids]")?.string == "eip-42")
        #expect(saved.node(at: "spec.sessionAffinity")?.string == "ClientIP", "fields the form does not show survive")
    }
}
