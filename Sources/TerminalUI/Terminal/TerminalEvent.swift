/// What the event loop delivers to the app, in order.
package enum TerminalEvent<Message: Sendable>: Sendable {
    /// A key press. Ctrl-Z and Ctrl-L are handled by the terminal and not delivered.
    case key(Key)
    /// The terminal has a new size; the surface is blank at that size, render again.
    case resize(TerminalSize)
    /// The program continued after Ctrl-Z or a stop signal; the screen was repainted from
    /// the last frame. Data shown may be stale: a good time to refresh.
    case resumed
    /// A message the app posted through a `Mailbox` (backend results, timers).
    case message(Message)
}

/// Where work running elsewhere (backend tasks, watch streams, timers) posts its results;
/// they arrive in the terminal's event stream, waking it. Safe to use from any thread.
package struct Mailbox<Message: Sendable>: Sendable {
    let continuation: AsyncStream<TerminalEvent<Message>>.Continuation

    /// Queues `message` as an event. Does nothing once the terminal stopped.
    package func post(_ message: Message) {
        continuation.yield(.message(message))
    }
}
