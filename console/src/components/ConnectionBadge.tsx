// Shows whether live updates are flowing; e2e tests wait on data-state.
import type { SocketState } from '../realtime/socket';
import { strings } from '../strings';

/** A dot and a word for a socket's state. */
export function ConnectionBadge({ state, testId = 'connection' }: { state: SocketState; testId?: string }) {
  return (
    <span
      class={`connection connection-${state}`}
      data-testid={testId}
      data-state={state}
      role="status"
      title={strings.connection[state]}
    >
      <span class="connection-dot" aria-hidden="true" />
      <span class="connection-label">{strings.connection[state]}</span>
    </span>
  );
}
