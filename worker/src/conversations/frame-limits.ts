import { TokenBuckets } from './ratelimit';

/**
 * Per-sender limits on socket frames that cost others work (docs/protocol.md "Limits"): `typing` is
 * relayed to the other side, `resume` replays history. In memory, like the message buckets.
 */
export class FrameLimits {
  /** "typing on" relays: 1 a second, burst 5 (clients send one every 3 s while typing). */
  #typing = new TokenBuckets(1, 5);
  /** History replays: 1 every 10 s, burst 3 (clients resume on reconnect, which has its own `after`). */
  #resume = new TokenBuckets(0.1, 3);
  /** What each sender's last relayed typing frame said. */
  #typingOn = new Map<string, boolean>();

  /** Whether this typing frame is relayed: "on" within the budget; "off" only after a relayed "on". */
  typing(sender: string, on: boolean): boolean {
    const was = this.#typingOn.get(sender) ?? false;
    if (on ? !this.#typing.take(sender) : !was) return false;
    this.#typingOn.set(sender, on);
    return true;
  }

  /** Whether this resume frame may replay history now. */
  resume(sender: string): boolean {
    return this.#resume.take(sender);
  }
}
