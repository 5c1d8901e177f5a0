import { ROLES, roleRank, type Role } from '../access/roles.ts';

/** One line of KLANTREIS_OIDC_ROLE_MAP: a group the IdP names, or an e-mail domain, and the role it gives. */
export type RoleRule = { kind: 'group'; value: string; role: Role } | { kind: 'domain'; value: string; role: Role };

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The sign-in button's label. */
  name: string;
  rules: RoleRule[];
  /** The role of someone no rule matches; null refuses them. */
  defaultRole: Role | null;
  /**
   * The workspace the roles are for, by its id (KLANTREIS_OIDC_WORKSPACE); the first one when not
   * given. Not by name: anyone who may start a workspace could start one of that name.
   */
  workspace?: string;
}

export class SsoConfigError extends Error {}

/**
 * `group:klantreis-admins=owner,domain:example.org=viewer`: the rules, in any order (the
 * strongest matching role wins). A bad part is named with the variable it came from.
 */
export function parseRoleMap(text: string, variable = 'KLANTREIS_OIDC_ROLE_MAP'): RoleRule[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^(group|domain):([^=]+)=(\w+)$/.exec(part);
      if (!match) throw new SsoConfigError(`${variable}: "${part}" must look like group:NAME=ROLE or domain:example.org=ROLE`);
      const role = match[3]!;
      if (!(ROLES as readonly string[]).includes(role)) throw new SsoConfigError(`${variable}: "${part}" names the role "${role}"; roles are ${ROLES.join(', ')}`);
      return { kind: match[1] as 'group' | 'domain', value: match[2]!.trim().toLowerCase(), role: role as Role };
    });
}

/** The OpenID Connect settings from the environment, or undefined when SSO is not configured. */
export function oidcSettingsFromEnv(env: NodeJS.ProcessEnv): OidcSettings | undefined {
  const issuer = env.KLANTREIS_OIDC_ISSUER;
  if (!issuer) return undefined;
  const missing = ['KLANTREIS_OIDC_CLIENT_ID', 'KLANTREIS_OIDC_CLIENT_SECRET'].filter((name) => !env[name]);
  if (missing.length > 0) throw new SsoConfigError(`KLANTREIS_OIDC_ISSUER is set: set ${missing.join(' and ')} too`);
  if (!/^https?:\/\/[^\s]+$/.test(issuer)) throw new SsoConfigError(`KLANTREIS_OIDC_ISSUER must be the IdP's address (https://…), got "${issuer}"`);
  const defaultRole = env.KLANTREIS_OIDC_DEFAULT_ROLE || null;
  if (defaultRole !== null && !(ROLES as readonly string[]).includes(defaultRole)) {
    throw new SsoConfigError(`KLANTREIS_OIDC_DEFAULT_ROLE must be one of ${ROLES.join(', ')}, got "${defaultRole}"`);
  }
  return {
    issuer: issuer.replace(/\/$/, ''),
    clientId: env.KLANTREIS_OIDC_CLIENT_ID!,
    clientSecret: env.KLANTREIS_OIDC_CLIENT_SECRET!,
    name: env.KLANTREIS_OIDC_NAME || 'SSO',
    rules: parseRoleMap(env.KLANTREIS_OIDC_ROLE_MAP ?? ''),
    defaultRole: defaultRole as Role | null,
    workspace: env.KLANTREIS_OIDC_WORKSPACE?.trim() || undefined,
  };
}

/** The strongest role the rules give a person with these claims; the default role when none matches. */
export function roleFromClaims(claims: { email?: string; groups?: unknown }, settings: Pick<OidcSettings, 'rules' | 'defaultRole'>): Role | null {
  const groups = Array.isArray(claims.groups) ? claims.groups.map((g) => String(g).toLowerCase()) : [];
  const domain = (claims.email ?? '').toLowerCase().split('@')[1] ?? '';
  const matched = settings.rules.filter((rule) => (rule.kind === 'group' ? groups.includes(rule.value) : rule.value === domain)).map((rule) => rule.role);
  if (matched.length === 0) return settings.defaultRole;
  return matched.reduce((a, b) => (roleRank(a) >= roleRank(b) ? a : b));
}
