// The webhooks feature's public surface for other features: the relays' part of producing events.
export { offerToWebhooks, parseTargets, type HookTarget } from './fanout';
export { type ProjectedConversation, type ProjectedState, projectedState } from './diff';
export { targetsOfSite } from './queries';
export { announceVisitor } from './visitor-events';
