// Error messages from the API: field ones next to their control, the rest above the form.

/** One message, announced to screen readers; nothing when there is none. */
export function ErrorMessage({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="error-summary" role="alert">
      {message}
    </p>
  );
}

/** A form's errors that belong to no field; the form moves the focus here when they appear. */
export function ErrorSummary({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <ul>
        {messages.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </div>
  );
}

export function FieldErrors({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul className="field-errors" id={id}>
      {messages.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}
