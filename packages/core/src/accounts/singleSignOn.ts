import { existsSync, readFileSync } from 'node:fs';
import { ROLES, roleRank, type Role } from '../access/roles.ts';

/** One line of KLANTREIS_OIDC_ROLE_MAP: a group the IdP names, or an e-mail domain, and the role it gives. */
export type RoleRule = { kind: 'group'; value: string; role: Role } | { kind: 'domain'; value: string; role: Role };

/** What every single sign-on has: its button, and the role its groups give in which workspace. */
export interface SsoRoleSettings {
  /** The sign-in button's label. */
  name: string;
  rules: RoleRule[];
  /** The role of someone no rule matches; null refuses them. */
  defaultRole: Role | null;
  /**
   * The workspace the roles are for, by its id (KLANTREIS_OIDC_WORKSPACE, KLANTREIS_SAML_WORKSPACE);
   * the first one when not given. Not by name: anyone who may start a workspace could start one of that name.
   */
  workspace?: string;
}

export interface OidcSettings extends SsoRoleSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** SAML 2.0 single sign-on (KLANTREIS_SAML_*): this server is the service provider. */
export interface SamlSettings extends SsoRoleSettings {
  /** The IdP's single sign-on address (HTTP-Redirect binding). */
  entryPoint: string;
  /** The IdP's signing certificates (PEM); more than one while the IdP rolls its key over. */
  idpCerts: string[];
  /** The IdP's entity id: when given, an answer from another issuer is refused. */
  idpIssuer?: string;
  /** This server's entity id and the audience every assertion must name: `<public URL>/api/sso/saml/metadata`. */
  entityId: string;
  /** Where the IdP posts its answer: `<public URL>/api/sso/saml/acs`. */
  acsUrl: string;
  /** Whether the whole response must be signed too, not only the assertion (which always must be). */
  wantResponseSigned: boolean;
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

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** KLANTREIS_SAML_IDP_CERT: the PEM text itself or the path of a file holding it; one certificate or several. */
function certificatesFrom(value: string): string[] {
  let text = value.replace(/\\n/g, '\n');
  if (!text.includes('-----BEGIN')) {
    if (!existsSync(text.trim())) throw new SsoConfigError(`KLANTREIS_SAML_IDP_CERT must be the IdP's signing certificate (PEM) or a file that holds it; no file "${text.trim().slice(0, 200)}"`);
    text = readFileSync(text.trim(), 'utf8');
  }
  const certificates = text.match(PEM_CERTIFICATE) ?? [];
  if (certificates.length === 0) throw new SsoConfigError('KLANTREIS_SAML_IDP_CERT holds no certificate (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----)');
  return certificates;
}

/**
 * The SAML settings from the environment, or undefined when SAML is not configured. The
 * addresses the IdP is given are made from KLANTREIS_PUBLIC_URL, which SAML therefore needs.
 */
export function samlSettingsFromEnv(env: NodeJS.ProcessEnv): SamlSettings | undefined {
  const entryPoint = env.KLANTREIS_SAML_ENTRY_POINT;
  if (!entryPoint) return undefined;
  if (!/^https?:\/\/[^\s]+$/.test(entryPoint)) throw new SsoConfigError(`KLANTREIS_SAML_ENTRY_POINT must be the IdP's single sign-on address (https://…), got "${entryPoint}"`);
  if (!env.KLANTREIS_SAML_IDP_CERT) throw new SsoConfigError("KLANTREIS_SAML_ENTRY_POINT is set: set KLANTREIS_SAML_IDP_CERT too (the IdP's signing certificate, PEM or a file)");
  const publicUrl = env.KLANTREIS_PUBLIC_URL?.replace(/\/$/, '');
  if (!publicUrl) throw new SsoConfigError('KLANTREIS_SAML_ENTRY_POINT is set: set KLANTREIS_PUBLIC_URL too (the IdP is given addresses made from it)');
  const defaultRole = env.KLANTREIS_SAML_DEFAULT_ROLE || null;
  if (defaultRole !== null && !(ROLES as readonly string[]).includes(defaultRole)) {
    throw new SsoConfigError(`KLANTREIS_SAML_DEFAULT_ROLE must be one of ${ROLES.join(', ')}, got "${defaultRole}"`);
  }
  const wantResponseSigned = env.KLANTREIS_SAML_WANT_RESPONSE_SIGNED ?? 'false';
  if (!['true', 'false'].includes(wantResponseSigned)) throw new SsoConfigError(`KLANTREIS_SAML_WANT_RESPONSE_SIGNED must be true or false, got "${wantResponseSigned}"`);
  return {
    entryPoint,
    idpCerts: certificatesFrom(env.KLANTREIS_SAML_IDP_CERT),
    idpIssuer: env.KLANTREIS_SAML_IDP_ISSUER?.trim() || undefined,
    entityId: `${publicUrl}/api/sso/saml/metadata`,
    acsUrl: `${publicUrl}/api/sso/saml/acs`,
    wantResponseSigned: wantResponseSigned === 'true',
    name: env.KLANTREIS_SAML_NAME || 'SSO',
    rules: parseRoleMap(env.KLANTREIS_SAML_ROLE_MAP ?? '', 'KLANTREIS_SAML_ROLE_MAP'),
    defaultRole: defaultRole as Role | null,
    workspace: env.KLANTREIS_SAML_WORKSPACE?.trim() || undefined,
  };
}

/** The strongest role the rules give a person with these claims; the default role when none matches. */
export function roleFromClaims(claims: { email?: string; groups?: unknown }, settings: Pick<SsoRoleSettings, 'rules' | 'defaultRole'>): Role | null {
  const groups = Array.isArray(claims.groups) ? claims.groups.map((g) => String(g).toLowerCase()) : [];
  const domain = (claims.email ?? '').toLowerCase().split('@')[1] ?? '';
  const matched = settings.rules.filter((rule) => (rule.kind === 'group' ? groups.includes(rule.value) : rule.value === domain)).map((rule) => rule.role);
  if (matched.length === 0) return settings.defaultRole;
  return matched.reduce((a, b) => (roleRank(a) >= roleRank(b) ? a : b));
}
