// One form submission at a time: busy while it runs, the server's message when it fails.
import { useState } from 'preact/hooks';
import type { ApiError } from '../api';

/** The state and submit handler of a form whose action is `run`; `run` keeps the form busy until it settles. */
export function useSubmit(run: () => Promise<unknown>) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event?: Event) {
    event?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await run();
    } catch (e) {
      setError((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  }
  return { error, busy, submit };
}
