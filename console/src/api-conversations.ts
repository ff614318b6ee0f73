// REST calls of the conversation header and sidebar: status transitions, assignment, details, visitor profile.
import type { Conversation, Priority, VisitorProfile } from '../../protocol';
import { call, client } from './api';

type Result = Promise<{ conversation: Conversation }>;
const byId = (id: string) => ({ param: { id } });

/** What PATCH /api/conversations/:id may change. */
export type ConversationChanges = { priority?: Priority; tags?: string[]; notes?: string; departmentId?: string };

/** The visitor sidebar's data. */
export type VisitorDetails = { visitor: VisitorProfile; conversations: Conversation[] };

/** Conversation actions; each answers with the updated conversation (409 invalid_transition / already_assigned on refusal). */
export const conversationApi = {
  claim: (id: string): Result => call(client.api.conversations[':id'].claim.$post(byId(id))),
  assign: (id: string, agentId: string): Result =>
    call(client.api.conversations[':id'].assign.$post({ ...byId(id), json: { agentId } })),
  transfer: (id: string, agentId: string, note?: string): Result =>
    call(client.api.conversations[':id'].transfer.$post({ ...byId(id), json: note ? { agentId, note } : { agentId } })),
  resolve: (id: string): Result => call(client.api.conversations[':id'].resolve.$post(byId(id))),
  close: (id: string): Result => call(client.api.conversations[':id'].close.$post(byId(id))),
  reopen: (id: string): Result => call(client.api.conversations[':id'].reopen.$post(byId(id))),
  update: (id: string, changes: ConversationChanges): Result =>
    call(client.api.conversations[':id'].$patch({ ...byId(id), json: changes })),
  visitor: (id: string): Promise<VisitorDetails> => call(client.api.conversations[':id'].visitor.$get(byId(id))),
};
