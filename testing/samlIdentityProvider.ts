// A real SAML 2.0 IdP for the single sign-on tests: samlify (another SAML implementation than
// the one Klantreis uses, @node-saml/node-saml) on 127.0.0.1, with a login form that asks only
// who you are, and a few people with e-mail addresses and groups. It reads Klantreis's service
// provider metadata from its metadata address, as an IdP's administrator imports it, takes the
// HTTP-Redirect request and answers by an HTTP-POST form that the browser submits.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as samlify from 'samlify';
import * as xmllint from '@authenio/samlify-xmllint-wasm';
import { generate } from 'selfsigned';

// samlify checks every message it reads against the SAML schemas (xmllint compiled to wasm).
samlify.setSchemaValidator(xmllint);

export interface SamlIdpPerson {
  login: string;
  email: string;
  name: string;
  groups: string[];
}

/** How an answer differs from the one the IdP gives (for the tests that attack the answer address). */
export interface AnswerOptions {
  /** The audience it names (Klantreis's entity id by default). */
  audience?: string;
  /** Seconds from now until the assertion expires (300 by default; negative: expired). */
  validForSeconds?: number;
  /** Signed by another key than the one Klantreis was given. */
  signedByStranger?: boolean;
  /** No InResponseTo: an answer nobody asked for (IdP-initiated). */
  unsolicited?: boolean;
  /** No NameID and no e-mail address: an IdP set up without either. */
  anonymous?: boolean;
}

export interface SamlIdentityProvider {
  /** KLANTREIS_SAML_ENTRY_POINT. */
  entryPoint: string;
  /** KLANTREIS_SAML_IDP_ISSUER. */
  entityId: string;
  /** KLANTREIS_SAML_IDP_CERT. */
  certificate: string;
  /** The id of the request in a redirect Klantreis sent a browser to (the Location of /api/auth/saml/sign-in). */
  requestIdOf(location: string): Promise<string>;
  /** A base64 SAMLResponse as this IdP makes it, for a person and a request. */
  answer(login: string, requestId: string | null, options?: AnswerOptions): Promise<string>;
  close(): Promise<void>;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
const escapeHtml = escapeXml;

function attribute(name: string, values: string[]): string {
  const valueXml = values.map((v) => `<saml:AttributeValue xsi:type="xs:string">${escapeXml(v)}</saml:AttributeValue>`).join('');
  return `<saml:Attribute Name="${escapeXml(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic">${valueXml}</saml:Attribute>`;
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

async function keyPair(commonName: string): Promise<{ privateKey: string; certificate: string }> {
  const made = await generate([{ name: 'commonName', value: commonName }], { keySize: 2048, algorithm: 'sha256' });
  return { privateKey: made.private, certificate: made.cert };
}

/**
 * Starts the IdP. `spMetadataUrl` is Klantreis's /api/sso/saml/metadata: read at the first
 * sign-in, since Klantreis starts after the IdP (it needs the IdP's certificate).
 */
export async function startSamlIdentityProvider(options: { spMetadataUrl: string; people: SamlIdpPerson[] }): Promise<SamlIdentityProvider> {
  const own = await keyPair('Test SAML IdP');
  const stranger = await keyPair('Someone else');
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const entityId = `${url}/metadata`;
  const idpSettings = (keys: { privateKey: string; certificate: string }) => ({
    entityID: entityId,
    privateKey: keys.privateKey,
    signingCert: keys.certificate,
    nameIDFormat: ['urn:oasis:names:tc:SAML:2.0:nameid-format:persistent'],
    singleSignOnService: [{ Binding: samlify.Constants.namespace.binding.redirect, Location: `${url}/sso` }],
    isAssertionEncrypted: false,
  });
  const idp = samlify.IdentityProvider(idpSettings(own));
  const strangerIdp = samlify.IdentityProvider(idpSettings(stranger));
  let sp: ReturnType<typeof samlify.ServiceProvider> | null = null;
  async function serviceProvider() {
    if (!sp) {
      const response = await fetch(options.spMetadataUrl);
      if (!response.ok) throw new Error(`the service provider's metadata: ${response.status}`);
      sp = samlify.ServiceProvider({ metadata: await response.text() });
    }
    return sp;
  }

  async function answer(login: string, requestId: string | null, answerOptions: AnswerOptions = {}): Promise<string> {
    const person = options.people.find((p) => p.login === login);
    if (!person) throw new Error(`the test IdP knows no ${login}`);
    const target = await serviceProvider();
    const now = new Date();
    const until = new Date(now.getTime() + (answerOptions.validForSeconds ?? 300) * 1000).toISOString();
    const issued = answerOptions.validForSeconds !== undefined && answerOptions.validForSeconds < 0 ? new Date(now.getTime() + answerOptions.validForSeconds * 1000 - 60_000).toISOString() : now.toISOString();
    const acs = target.entityMeta.getAssertionConsumerService('post') as string;
    const statements =
      `<saml:AuthnStatement AuthnInstant="${issued}" SessionIndex="${randomUUID()}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
      `<saml:AttributeStatement>${answerOptions.anonymous ? '' : attribute('email', [person.email])}${attribute('displayName', [person.name])}${person.groups.length > 0 ? attribute('groups', person.groups) : ''}</saml:AttributeStatement>`;
    const values: Record<string, string | undefined> = {
      ID: `_${randomUUID()}`,
      AssertionID: `_${randomUUID()}`,
      Destination: acs,
      Audience: answerOptions.audience ?? target.entityMeta.getEntityID(),
      SubjectRecipient: acs,
      Issuer: entityId,
      IssueInstant: issued,
      StatusCode: samlify.Constants.StatusCode.Success,
      ConditionsNotBefore: issued,
      ConditionsNotOnOrAfter: until,
      SubjectConfirmationDataNotOnOrAfter: until,
      NameIDFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
      NameID: answerOptions.anonymous ? '' : `id-${person.login}`,
      InResponseTo: answerOptions.unsolicited ? undefined : (requestId ?? undefined),
    };
    const made = await (answerOptions.signedByStranger ? strangerIdp : idp).createLoginResponse(target, {} as Parameters<typeof idp.createLoginResponse>[1], 'post', {}, {
      customTagReplacement: (template: string) => ({
        id: values.ID!,
        context: samlify.SamlLib.replaceTagsByValue(template.replace('{AuthnStatement}{AttributeStatement}', statements), values),
      }),
    });
    return made.context;
  }

  async function requestIdOf(location: string): Promise<string> {
    const query = Object.fromEntries(new URL(location).searchParams);
    const parsed = await idp.parseLoginRequest(await serviceProvider(), 'redirect', { query });
    return String((parsed.extract as { request: { id: string } }).request.id);
  }

  server.on('request', (request, response) => {
    void (async () => {
      const here = new URL(request.url ?? '/', url);
      if (request.method === 'GET' && here.pathname === '/sso') {
        // Klantreis's request: who asks, answered where; then who are you.
        const requestId = await requestIdOf(here.href);
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(
          `<!doctype html><title>Test SAML IdP</title><form method="post" action="/login">` +
            `<input type="hidden" name="requestId" value="${escapeHtml(requestId)}"><input type="hidden" name="relayState" value="${escapeHtml(here.searchParams.get('RelayState') ?? '')}">` +
            `<label>Login <input name="login"></label><button type="submit">Sign in</button></form>`,
        );
        return;
      }
      if (request.method === 'POST' && here.pathname === '/login') {
        const form = await readForm(request);
        const target = await serviceProvider();
        const acs = target.entityMeta.getAssertionConsumerService('post') as string;
        const samlResponse = await answer(form.get('login') ?? '', form.get('requestId'));
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(
          `<!doctype html><title>Signing in</title><form method="post" action="${escapeHtml(acs)}">` +
            `<input type="hidden" name="SAMLResponse" value="${escapeHtml(samlResponse)}"><input type="hidden" name="RelayState" value="${escapeHtml(form.get('relayState') ?? '')}">` +
            `<button type="submit">Continue</button></form><script>document.forms[0].submit()</script>`,
        );
        return;
      }
      response.writeHead(404).end();
    })().catch((error: unknown) => {
      console.error('test SAML IdP:', error);
      if (response.headersSent) response.destroy();
      else response.writeHead(500, { 'content-type': 'text/plain' }).end(String((error as Error).stack ?? error));
    });
  });

  return {
    entryPoint: `${url}/sso`,
    entityId,
    certificate: own.certificate,
    requestIdOf,
    answer,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
