// Response bodies of the widget routes that have no schema of their own in protocol/, for the OpenAPI document.
import { z } from 'zod';
import { Visitor, VisitorConversation } from '../../../protocol';

/** Whether anyone can answer now (protocol/settings.ts `Availability`). */
export const Availability = z.object({ agentsOnline: z.boolean(), withinHours: z.boolean() });

/** What POST /api/widget/session and /continue answer: the visitor token, the visitor and their conversations. */
export const session = z.object({
  token: z.string(),
  visitor: Visitor,
  conversations: z.array(VisitorConversation),
  availability: Availability,
});
