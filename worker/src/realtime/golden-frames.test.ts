// The golden frames in protocol/fixtures/ against the contract's schemas and against what the Durable Objects
// really send, so the fixtures the clients test with (client/fixtures.test.ts) cannot drift from the server.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AgentStatus,
  ClientFrame,
  Conversation,
  DELTA_FIELDS,
  Message,
  PING_FRAME,
  PONG_FRAME,
  Sender,
  SiteClientFrame,
  VisitorServerFrame,
  type FrameErrorCode,
  type ServerFrame,
  type SiteServerFrame,
} from '../../../protocol';
import conversationClient from '../../../protocol/fixtures/conversation-client.json';
import conversationServer from '../../../protocol/fixtures/conversation-server.json';
import siteClient from '../../../protocol/fixtures/site-client.json';
import siteServer from '../../../protocol/fixtures/site-server.json';
import visitorServer from '../../../protocol/fixtures/visitor-server.json';
import { connect, conversationFixture, paths } from '../../test/helpers';

const ErrorCode = z.enum([
  'bad_request',
  'forbidden',
  'rate_limited',
  'too_large',
  'closed',
  'not_found',
  'internal',
  'chat_unavailable',
  'not_your_message',
  'edit_window_passed',
  'already_replied',
  'not_editable',
] satisfies FrameErrorCode[]);
const Pong = z.object({ type: z.literal('pong') });

/** The agent's conversation frames (protocol/frames.ts declares them as a type only). */
const AgentServerFrame: z.ZodType<ServerFrame> = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('hello'),
    conversation: Conversation,
    lastSeq: z.number().int(),
    you: z.object({ role: z.enum(['visitor', 'agent']), id: z.string() }),
    at: z.string(),
  }),
  z.object({ type: z.literal('ack'), clientId: z.string(), id: z.string(), seq: z.number().int() }),
  z.object({ type: z.literal('message'), message: Message }),
  z.object({ type: z.literal('typing'), sender: Sender, on: z.boolean() }),
  z.object({ type: z.literal('read'), by: z.enum(['visitor', 'agent']), seq: z.number().int() }),
  z.object({ type: z.literal('conversation'), conversation: Conversation }),
  z.object({ type: z.literal('error'), code: ErrorCode, message: z.string(), clientId: z.string().optional() }),
  Pong,
]);

const Delta = Conversation.pick(
  Object.fromEntries(DELTA_FIELDS.map((k) => [k, true])) as { [K in (typeof DELTA_FIELDS)[number]]: true },
);
/** The site socket's frames (a type only in protocol/frames.ts too). */
const SiteFrame: z.ZodType<SiteServerFrame> = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('hello'),
    you: z.object({ role: z.literal('agent'), id: z.string() }),
    siteId: z.string(),
  }),
  z.object({
    type: z.literal('events'),
    events: z.array(
      z.discriminatedUnion('type', [
        z.object({ type: z.literal('conversation.created'), conversation: Conversation }),
        z.object({ type: z.literal('conversation.updated'), conversation: Conversation }),
        z.object({ type: z.literal('conversation.delta'), delta: Delta }),
      ]),
    ),
  }),
  z.object({
    type: z.literal('presence'),
    agents: z.array(z.object({ id: z.string(), name: z.string(), status: AgentStatus })),
  }),
  z.object({ type: z.literal('error'), code: ErrorCode, message: z.string() }),
  Pong,
]);
const Ping = z.object({ type: z.literal('ping') });

/** Each fixture file, the schema of its frames and every frame type it must show. */
const files = {
  'conversation-server': {
    fixtures: conversationServer,
    schema: AgentServerFrame,
    types: [
      'hello',
      'ack',
      'message',
      'typing',
      'read',
      'conversation',
      'error',
      'pong',
    ] satisfies ServerFrame['type'][],
  },
  'visitor-server': {
    fixtures: visitorServer,
    schema: VisitorServerFrame,
    types: [
      'hello',
      'ack',
      'message',
      'typing',
      'read',
      'conversation',
      'error',
      'pong',
    ] satisfies VisitorServerFrame['type'][],
  },
  'site-server': {
    fixtures: siteServer,
    schema: SiteFrame,
    types: ['hello', 'events', 'presence', 'error', 'pong'] satisfies SiteServerFrame['type'][],
  },
  'conversation-client': {
    fixtures: conversationClient,
    schema: z.union([ClientFrame, Ping]),
    types: ['send', 'typing', 'read', 'resume', 'edit', 'ping'] satisfies (ClientFrame['type'] | 'ping')[],
  },
  'site-client': {
    fixtures: siteClient,
    schema: z.union([SiteClientFrame, Ping]),
    types: ['status', 'scope', 'ping'] satisfies (SiteClientFrame['type'] | 'ping')[],
  },
};

/** Every key path of a JSON value ("conversation.timings.waitSeconds", "agents[].id"). */
function keyPaths(value: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keyPaths(v, `${prefix}[]`, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${k}` : k;
      out.add(path);
      keyPaths(v, path, out);
    }
  }
  return out;
}

/** A real frame's fields that its fixture does not show (none, or the fixture is out of date). */
function unknownFields(file: keyof typeof files, frame: { type: string }) {
  const fixture = (files[file].fixtures as Record<string, unknown>)[frame.type];
  const known = keyPaths(fixture);
  return [...keyPaths(frame)].filter((p) => !known.has(p));
}

describe('golden frames (protocol/fixtures)', () => {
  for (const [name, { fixtures, schema, types }] of Object.entries(files)) {
    it(`${name}: one example of every frame type, each exactly as its schema reads it`, () => {
      expect(Object.keys(fixtures).sort()).toEqual([...types].sort());
      for (const [type, frame] of Object.entries(fixtures)) {
        expect(frame.type).toBe(type);
        // Equal after parsing: no field the schema would drop, none it would default.
        expect(schema.parse(frame)).toEqual(frame);
      }
    });
  }

  it('ping and pong are the exact strings the runtime auto-responds to', () => {
    expect(JSON.stringify(conversationClient.ping)).toBe(PING_FRAME);
    expect(JSON.stringify(siteClient.ping)).toBe(PING_FRAME);
    expect(JSON.stringify(visitorServer.pong)).toBe(PONG_FRAME);
  });

  it("the Durable Objects send frames of the fixtures' shape: every field they send is in the fixture", async () => {
    const { owner, site, visitor, conversation } = await conversationFixture();
    const s = await connect(paths.site(site.id), owner.token);
    s.send({ type: 'status', status: 'online' });
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    const a = await connect(paths.agent(conversation.id), owner.token);
    v.send({ type: 'typing', on: true });
    v.send({ type: 'send', clientId: 'c-1', body: 'Hello, is anyone there?' });
    const first = await v.next((f) => f.type === 'message');
    // An edit before anyone answered: the message frame again, with editedAt.
    v.send({ type: 'edit', clientId: 'e-1', messageId: first.message.id, body: 'Hello? My order has not arrived' });
    await a.next((f) => f.type === 'message' && !!f.message.editedAt);
    a.send({ type: 'send', clientId: 'a-1', body: 'Hi! How can I help?' });
    await v.next((f) => f.type === 'message' && f.message.sender.type === 'agent');
    v.send({ type: 'read', seq: 2 });
    a.send({ type: 'typing', on: true });
    await v.next((f) => f.type === 'typing');
    await a.next((f) => f.type === 'conversation');
    // Only once the claim reached the site socket is the next change a delta of its own (not merged into it).
    await s.event((e) => e.type === 'conversation.updated' && e.conversation.status === 'active');
    v.send({ type: 'send', clientId: 'c-2', body: 'My order has not arrived' });
    await s.event((e) => e.type === 'conversation.delta', 10_000);
    for (const c of [v, a, s]) c.send({ type: 'read', seq: -1 });
    for (const c of [v, a, s]) c.send(PING_FRAME);
    for (const c of [v, a, s]) await c.next((f) => f.type === 'pong');
    for (const c of [v, a, s]) await c.next((f) => f.type === 'error');
    const seen = { 'visitor-server': v.frames, 'conversation-server': a.frames, 'site-server': s.frames } as const;
    for (const [file, frames] of Object.entries(seen) as [keyof typeof seen, { type: string }[]][]) {
      // Every type the DO sent here, and each frame read by the schema and covered by its fixture.
      expect(new Set(frames.map((f) => f.type))).toEqual(new Set(files[file].types));
      for (const frame of frames) {
        expect(files[file].schema.parse(frame)).toEqual(frame);
        expect({ type: frame.type, missing: unknownFields(file, frame) }).toEqual({ type: frame.type, missing: [] });
      }
    }
    for (const c of [v, a, s]) c.close();
  });
});
