import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { conversationFixture } from '../../test/helpers';
import { handleInboundEmail, INBOUND_MAX_BYTES } from './inbound';
import { replyAddress } from './links';

describe('inbound email size', () => {
  it('stops reading a reply larger than Email Routing allows (25 MiB) and drops it', async () => {
    const { conversation } = await conversationFixture();
    const to = await replyAddress(env, conversation.id);
    const head = new TextEncoder().encode(
      `From: Kim <kim@example.com>\r\nTo: ${to}\r\nSubject: hi\r\nContent-Type: text/plain\r\n\r\n`,
    );
    const chunk = new Uint8Array(1 << 20).fill(0x61);
    let pulled = 0;
    // 40 MiB offered, one MiB per pull: count how much the handler actually reads.
    const raw = new ReadableStream<Uint8Array>({
      pull(c) {
        if (pulled === 0) {
          pulled += head.byteLength;
          return c.enqueue(head);
        }
        if (pulled > 40 * (1 << 20)) return c.close();
        pulled += chunk.byteLength;
        c.enqueue(chunk);
      },
    });
    let rejected = '';
    const result = await handleInboundEmail(env, {
      to,
      from: 'kim@example.com',
      raw,
      setReject: (r) => {
        rejected = r;
      },
    });
    expect(result).toBe('dropped');
    expect(rejected).toBe('Message too large');
    expect(pulled).toBeLessThanOrEqual(INBOUND_MAX_BYTES + 2 * (1 << 20));
  }, 60_000);
});
