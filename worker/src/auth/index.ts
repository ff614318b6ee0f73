// The auth feature's public surface for other features (agents are stored by auth).
export { type AgentRow, findAgentByEmail, findWorkspaceAgent, selectAgents, toAgent } from './queries';
