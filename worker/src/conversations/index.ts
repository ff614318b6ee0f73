// The conversations feature's public surface for other features: lookups and the row-to-model mapping.
export {
  findConversationById,
  findVisitorConversation,
  findWorkspaceConversation,
  listVisitorConversations,
  toConversation,
} from './queries';
