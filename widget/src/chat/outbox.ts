// The outbox policy: what the visitor wrote while offline (or before the conversation existed) is sent after the
// socket's hello, each message once per connection (what the server has not refused: client/messages' toResend), paced like the server's bucket (a burst, then ~1/s) so that a
// long queue is not refused. Messages sent while online go at once (the owner's push); the server dedups by clientId.
import { BURST } from '../limits';
import * as S from './store';

/** Pacing between sends once the burst is spent: a little over the server's refill of one per second. */
export const PACE = 1100;

/** An outbox over the owner's message log; `push` sends one message and says false when the socket is not ready. */
export function createOutbox(log: () => S.ChatState, push: (p: S.Pending) => boolean) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Sends what is not acked yet (by ids fixed at the hello), `budget` at once, the rest paced; stops when the socket is not ready. */
  const flush = (ids = S.toSend(log()).map((p) => p.clientId), budget: number = BURST): void => {
    clearTimeout(timer);
    while (ids.length && budget > 0) {
      // Looked up again: an ack, a failure or a retry may have changed it since the hello.
      const p = log().pending.find((x) => x.clientId === ids[0]);
      if (p && p.state != 'failed') {
        if (!push(p)) return;
        budget--;
      }
      ids.shift();
    }
    if (ids.length) timer = setTimeout(() => flush(ids, 1), PACE);
  };
  return flush;
}
