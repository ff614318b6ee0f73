// What an agent sees on an owners' and admins' page (the server answers them 403 anyway).

/** The page's title and why it is empty; `name` makes the test ids `<name>-page` and `<name>-forbidden`. */
export function AdminOnlyNotice({ name, title, message }: { name: string; title: string; message: string }) {
  return (
    <main class="page" data-testid={`${name}-page`}>
      <h1 class="page-title">{title}</h1>
      <p class="muted" data-testid={`${name}-forbidden`}>
        {message}
      </p>
    </main>
  );
}
