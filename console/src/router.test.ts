import { describe, expect, it } from 'vitest';
import { conversationPath, matchRoute } from './router';

describe('matchRoute', () => {
  it('maps the console paths', () => {
    expect(matchRoute('/')).toEqual({ name: 'inbox' });
    expect(matchRoute('/login')).toEqual({ name: 'login' });
    expect(matchRoute('/register/')).toEqual({ name: 'register' });
    expect(matchRoute('/conversations/abc-1')).toEqual({ name: 'conversation', id: 'abc-1' });
    expect(matchRoute('/nope')).toEqual({ name: 'notFound' });
    expect(matchRoute('/team')).toEqual({ name: 'team' });
    expect(matchRoute('/dashboard/')).toEqual({ name: 'dashboard' });
    expect(matchRoute('/settings')).toEqual({ name: 'settings' });
    expect(matchRoute('/canned')).toEqual({ name: 'canned' });
    expect(matchRoute('/kb/')).toEqual({ name: 'kb' });
    expect(matchRoute('/outbox')).toEqual({ name: 'outbox' });
    expect(matchRoute('/audit')).toEqual({ name: 'audit' });
    expect(matchRoute('/settings/tokens')).toEqual({ name: 'tokens' });
    expect(matchRoute('/blocked/')).toEqual({ name: 'blocked' });
    expect(matchRoute('/settings/webhooks')).toEqual({ name: 'webhooks' });
    expect(matchRoute('/privacy')).toEqual({ name: 'privacy' });
  });
  it('reads the invitation token from the query', () => {
    expect(matchRoute('/accept-invite', '?token=abc.def')).toEqual({ name: 'acceptInvite', token: 'abc.def' });
    expect(matchRoute('/accept-invite')).toEqual({ name: 'acceptInvite', token: '' });
  });
  it('round-trips ids through conversationPath', () => {
    expect(matchRoute(conversationPath('a b/c'))).toEqual({ name: 'conversation', id: 'a b/c' });
  });
});
