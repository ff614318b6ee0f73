// Server and validation errors, announced to screen readers.

/** Shows a message when there is one. */
export function ErrorText({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p class="error-text" role="alert">
      {message}
    </p>
  );
}
