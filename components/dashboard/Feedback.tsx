/** What the last action did, or why it failed, in words (errors as an alert). */
export function Feedback({ error, message }: { error: string | null; message?: string | null }) {
  if (error)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  return (
    <p role="status" className="muted feedback">
      {message ?? ''}
    </p>
  );
}
