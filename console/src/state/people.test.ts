import { describe, expect, it } from 'vitest';
import type { Agent } from '../../../protocol';
import { actionsFor, assignableAgents, canManageTeam, initials, presenceOf } from './people';

const agent = (id: string, active = true) => ({ id, active }) as Agent;

describe('people', () => {
  it('makes initials', () => {
    expect(initials('ada  lovelace king')).toBe('AL');
    expect(initials('  ')).toBe('?');
    expect(initials(null)).toBe('?');
  });
  it('reads presence, offline when absent', () => {
    expect(presenceOf('a', [{ id: 'a', name: 'A', status: 'busy' }])).toBe('busy');
    expect(presenceOf('b', [{ id: 'a', name: 'A', status: 'busy' }])).toBe('offline');
  });
  it('lets owners and admins manage the team', () => {
    expect(canManageTeam('owner')).toBe(true);
    expect(canManageTeam('admin')).toBe(true);
    expect(canManageTeam('agent')).toBe(false);
  });
  it('offers only active agents, without the current assignee', () => {
    expect(assignableAgents([agent('a'), agent('b', false), agent('c')], 'c').map((a) => a.id)).toEqual(['a']);
    expect(assignableAgents([agent('a'), { ...agent('d'), invited: true }]).map((a) => a.id)).toEqual(['a']);
  });
  it('offers the actions each status allows', () => {
    expect(actionsFor('waiting')).toContain('claim');
    expect(actionsFor('active')).toEqual(['resolve', 'transfer', 'close']);
    expect(actionsFor('resolved')).toContain('reopen');
    expect(actionsFor('closed')).toEqual(['reopen']);
  });
});
