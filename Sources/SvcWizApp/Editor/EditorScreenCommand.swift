import ServiceModel
import ServiceStore
import TerminalUI

/// What the editor screen asks of the app after a key or a check's outcome.
package enum EditorScreenCommand: Sendable {
    /// Read the text off the UI thread (`AppEffect.checkEditorText`).
    case check(EditorCheck)
    /// Create mode keeps the draft, text included, on disk at each key.
    case saveDraft(SavedDraft)
    case show(EditorMessage, StatusMessage.Severity)
    case clearStatus
    /// Typing clears information ("Created service x."), not warnings or errors.
    case clearInformation
    /// The text parsed: back to the form it became, with how many field errors it has.
    case toForm(WizardState, invalid: Int)
    /// The text is a valid service: save it as the form would.
    case save(WizardState)
    case externalEditor(text: String, fileExtension: String)
}

/// What the editor says on the status line, as values; the words come from `UIText`.
package enum EditorMessage: Sendable, Hashable {
    case notice(EditorNotice)
    case problem(EditorProblem)
    case commentsLost
    case invalid(Int)

    func text(_ t: UIText) -> String {
        switch self {
        case .notice(.tabRefusedInYAML): return t(.editorTabRefused)
        case .notice(.nothingToUndo): return t(.editorNothingToUndo)
        case .notice(.nothingToRedo): return t(.editorNothingToRedo)
        case .notice(.searchWrapped): return t(.editorSearchWrapped)
        case .notice(.notFound(let query)): return t(.editorNotFound, query)
        case .problem(.parse(let error)):
            return t(.editorParseError, String(error.line), String(error.column), error.message(in: t.language))
        case .problem(.notOneObject(let count)): return t(.editorNotOne, String(count))
        case .problem(.notAService(let kind)): return t(.editorNotService, kind)
        case .commentsLost: return t(.editorCommentsLost)
        case .invalid(let count): return t(.editorInvalid, String(count))
        }
    }
}
