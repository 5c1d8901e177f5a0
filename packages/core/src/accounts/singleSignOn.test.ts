import { describe, expect, it } from 'vitest';
import { oidcSettingsFromEnv, parseRoleMap, roleFromClaims } from './singleSignOn.ts';

describe('single sign-on settings', () => {
  it('reads the role map and names a bad part with its variable', () => {
    expect(parseRoleMap('group:Klantreis-Admins=owner, domain:example.org=viewer')).toEqual([
      { kind: 'group', value: 'klantreis-admins', role: 'owner' },
      { kind: 'domain', value: 'example.org', role: 'viewer' },
    ]);
    expect(() => parseRoleMap('group:x=admin')).toThrow('KLANTREIS_OIDC_ROLE_MAP: "group:x=admin" names the role "admin"');
    expect(() => parseRoleMap('team:x=owner')).toThrow('KLANTREIS_OIDC_ROLE_MAP: "team:x=owner" must look like group:NAME=ROLE');
  });

  it('gives the strongest matching role, the default when none matches, or none', () => {
    const rules = parseRoleMap('group:cx=editor,group:admins=owner,domain:example.org=viewer');
    expect(roleFromClaims({ email: 'a@example.org', groups: ['cx', 'admins'] }, { rules, defaultRole: null })).toBe('owner');
    expect(roleFromClaims({ email: 'a@example.org', groups: [] }, { rules, defaultRole: null })).toBe('viewer');
    expect(roleFromClaims({ email: 'a@elsewhere.net' }, { rules, defaultRole: null })).toBeNull();
    expect(roleFromClaims({ email: 'a@elsewhere.net', groups: 'admins' }, { rules, defaultRole: 'commenter' })).toBe('commenter');
  });

  it('asks for the client id and secret when an issuer is set, and is off without one', () => {
    expect(oidcSettingsFromEnv({})).toBeUndefined();
    expect(() => oidcSettingsFromEnv({ KLANTREIS_OIDC_ISSUER: 'https://idp.example.org' })).toThrow('set KLANTREIS_OIDC_CLIENT_ID and KLANTREIS_OIDC_CLIENT_SECRET too');
    expect(() => oidcSettingsFromEnv({ KLANTREIS_OIDC_ISSUER: 'https://idp.example.org', KLANTREIS_OIDC_CLIENT_ID: 'k', KLANTREIS_OIDC_CLIENT_SECRET: 's', KLANTREIS_OIDC_DEFAULT_ROLE: 'boss' })).toThrow(
      'KLANTREIS_OIDC_DEFAULT_ROLE must be one of',
    );
    expect(oidcSettingsFromEnv({ KLANTREIS_OIDC_ISSUER: 'https://idp.example.org/', KLANTREIS_OIDC_CLIENT_ID: 'k', KLANTREIS_OIDC_CLIENT_SECRET: 's' })).toMatchObject({ issuer: 'https://idp.example.org', name: 'SSO', defaultRole: null });
  });
});
