// The outbox policy: what the visitor wrote while offline (or before the conversation existed) is sent after the
// socket's hello, each message once per connection (what the server has not refused: client/messages' toResend),
// paced like the server's bucket (a burst, then ~1/s) so that a long queue is not refused. A message written while
// online goes at once, unless older ones still wait their turn: then it joins the line (the server stores in arrival
// order, so it must not overtake them). The server dedups by clientId.
import { BURST } from '../limits';
import * as S from './store';

/** Pacing between sends once the burst is spent: a little over the server's refill of one per second. */
export const PACE = 1100;

/** An outbox over the owner's message log; `push` sends one message and says false when the socket is not ready. */
export function createOutbox(log: () => S.ChatState, push: (p: S.Pending) => boolean) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The clientIds still to send on this connection, in writing order (fixed at the hello, then appended to). */
  let line: string[] = [];
  /** Sends from the line, `budget` at once, the rest paced; stops when the socket is not ready (the next hello starts over). */
  const run = (budget: number): void => {
    clearTimeout(timer);
    while (line.length && budget > 0) {
      // Looked up again: an ack, a failure or a retry may have changed it since it joined the line.
      const p = log().pending.find((x) => x.clientId === line[0]);
      if (p && p.state != 'failed') {
        if (!push(p)) return;
        budget--;
      }
      line.shift();
    }
    if (line.length) timer = setTimeout(() => run(1), PACE);
  };
  return {
    /** After a hello: everything not acked nor refused, in writing order. */
    flush(): void {
      line = S.toSend(log()).map((p) => p.clientId);
      run(BURST);
    },
    /** A message just written: at once when the line is empty, else behind it. */
    add(p: S.Pending): void {
      if (line.length) line.push(p.clientId);
      else push(p);
    },
  };
}
