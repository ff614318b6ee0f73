// What the top bar says about the agent's own status: the chosen status only counts while the site
// socket is up (that socket IS the agent's presence); otherwise the truth is "connecting" or "offline".
import type { AgentStatus } from '../../../protocol';
import type { SocketState } from '../realtime/socket';
import { strings } from '../strings';

/** The dot's state and the words the top bar shows. */
export type OwnStatus = { state: AgentStatus | 'connecting' | 'offline'; label: string };

const chosenLabels: Record<AgentStatus, string> = {
  online: strings.statusOnline,
  away: strings.statusAway,
  busy: strings.statusBusy,
};

/** The status the agent really has: the chosen one while connected, else the socket's state. */
export function ownStatus(chosen: AgentStatus, connection: SocketState): OwnStatus {
  if (connection === 'online') return { state: chosen, label: chosenLabels[chosen] };
  if (connection === 'connecting') return { state: 'connecting', label: strings.connection.connecting };
  return { state: 'offline', label: strings.connection.offline };
}
