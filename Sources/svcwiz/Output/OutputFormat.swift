import ArgumentParser

/// `-o` for `list`.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case table, wide, yaml, json, name
}

/// `-o` for commands that print or write one object.
enum ObjectFormat: String, ExpressibleByArgument, CaseIterable {
    case yaml, json
}
