// Which close codes the hub sends (issue 13 item 3): never one the runtime would refuse.
import { expect, it } from 'vitest';
import { closeReason, reciprocalCloseCode, sendableCloseCode } from './close-codes';

it('sends 1000, the assigned protocol codes and 3000-4999, never the reserved ones', () => {
  for (const code of [1000, 1001, 1008, 1011, 3000, 4003, 4999]) expect(sendableCloseCode(code)).toBe(true);
  for (const code of [999, 1004, 1005, 1006, 1015, 1016, 2000, 2999, 5000]) expect(sendableCloseCode(code)).toBe(false);
});

it('answers a peer close with its own code, 1000 for 1005 or an unsendable one, nothing for 1006 and 1015', () => {
  expect(reciprocalCloseCode(1001)).toBe(1001);
  expect(reciprocalCloseCode(4001)).toBe(4001);
  expect(reciprocalCloseCode(1005)).toBe(1000);
  expect(reciprocalCloseCode(2000)).toBe(1000);
  expect(reciprocalCloseCode(1006)).toBeNull();
  expect(reciprocalCloseCode(1015)).toBeNull();
});

it('cuts a reason to 123 bytes on a character boundary', () => {
  expect(closeReason('bye')).toBe('bye');
  const cut = closeReason('€'.repeat(60));
  expect(new TextEncoder().encode(cut).byteLength).toBeLessThanOrEqual(123);
  expect(cut).toBe('€'.repeat(41));
});
