import { describe, expect, it } from 'vitest';
import { API_SCOPES } from '../../../protocol';
import { toggleScope, tokenBody } from './tokens';

describe('the API token form', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('sends the trimmed name, the scopes and an expiry N days away (null for never)', () => {
    expect(tokenBody({ name: ' CRM ', scopes: ['conversations:read'], expiryDays: 30 }, now)).toEqual({
      body: { name: 'CRM', scopes: ['conversations:read'], expiresAt: '2026-01-31T00:00:00.000Z' },
    });
    expect(tokenBody({ name: 'CRM', scopes: ['kb:read'], expiryDays: 0 }, now)).toEqual({
      body: { name: 'CRM', scopes: ['kb:read'], expiresAt: null },
    });
  });
  it('says what is missing', () => {
    expect(tokenBody({ name: ' ', scopes: ['kb:read'], expiryDays: 0 }, now)).toHaveProperty('error');
    expect(tokenBody({ name: 'x', scopes: [], expiryDays: 0 }, now)).toHaveProperty('error');
  });
  it('keeps the scopes in the list order when toggling', () => {
    const on = toggleScope(API_SCOPES, ['messages:write'], 'conversations:read', true);
    expect(on).toEqual(['conversations:read', 'messages:write']);
    expect(toggleScope(API_SCOPES, on, 'messages:write', false)).toEqual(['conversations:read']);
  });
});
