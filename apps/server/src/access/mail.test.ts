// Mail, optional by KLANTREIS_SMTP_URL, against a real SMTP server (testing/mailServer.ts):
// invitation and password-reset links go out by mail too, and a person who forgot their
// password can have a link mailed from the sign-in page. The links still show for handing on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../config.ts';
import { freePort } from '../../../../testing/identityProvider.ts';
import { startMailServer, type MailServer } from '../../../../testing/mailServer.ts';
import { buildTestServer, eventually, type TestServer } from '../testServer.ts';
import { asPerson, firstWorkspaceId, invitePerson, json } from './accessTestSupport.ts';


describe('mail, when KLANTREIS_SMTP_URL is set', () => {
  let mail: MailServer;
  let server: TestServer;
  let workspaceId: string;

  beforeAll(async () => {
    mail = await startMailServer();
    const port = await freePort();
    server = await buildTestServer({ kind: 'sqlite' }, { port, publicUrl: `http://127.0.0.1:${port}`, mail: { url: mail.url, from: 'Klantreis <klantreis@example.org>' } });
    workspaceId = await firstWorkspaceId(server);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await mail?.close();
  });

  const mailsTo = (address: string) => mail.received.filter((m) => m.to.includes(address));

  it('says on the sign-in page that it sends mail', async () => {
    expect(await (await fetch(`${server.url}/api/auth-providers`)).json()).toMatchObject({ mail: true });
  });

  it('mails an invitation link to the address given, in the inviter’s language, and the link joins', async () => {
    const answer = await server.fetch(`/api/workspaces/${workspaceId}/invitations`, json('POST', { role: 'editor', email: 'nieuw@klantreis.test' }));
    expect(answer.status).toBe(201);
    const made = (await answer.json()) as { url: string; mailedTo?: string };
    expect(made.mailedTo).toBe('nieuw@klantreis.test');
    const [sent] = mailsTo('nieuw@klantreis.test');
    expect(sent!.subject).toMatch(/^Uitnodiging voor .+ in Klantreis$/);
    expect(sent!.raw).toContain(made.url);
    const token = made.url.split('/invite/')[1]!;
    const joined = await fetch(`${server.url}/api/invitations/${token}/account`, json('POST', { name: 'Nieuwe Nina', email: 'nieuw@klantreis.test', password: 'een-lang-wachtwoord' }, { origin: server.url }));
    expect(joined.status).toBe(201);
  });

  it('mails a password-reset link an owner makes to the member, in the member’s language', async () => {
    const member = await invitePerson(server, 'viewer', { name: 'Vergeten Vera' });
    expect((await asPerson(server, member, '/api/me', json('PATCH', { language: 'en' }))).status).toBe(204);
    const made = (await (await server.fetch(`/api/workspaces/${workspaceId}/members/${member.userId}/password-reset`, { method: 'POST' })).json()) as { url: string; mailedTo?: string };
    expect(made.mailedTo).toBe(member.email);
    const [sent] = mailsTo(member.email);
    expect(sent!.subject).toBe('A new password for Klantreis');
    expect(sent!.raw).toContain(made.url);
  });

  it('mails a link to a person who forgot their password, and to nobody for an unknown address', async () => {
    const member = await invitePerson(server, 'editor', { name: 'Zelf Sanne' });
    const asked = await fetch(`${server.url}/api/auth/request-password-reset`, json('POST', { email: member.email, redirectTo: '/reset-password' }, { origin: server.url }));
    expect(asked.status).toBe(200);
    await eventually(() => expect(mailsTo(member.email)).toHaveLength(1));
    const link = /(http:\/\/127\.0\.0\.1:\d+\/reset-password\?token=[^\s]+)/.exec(mailsTo(member.email)[0]!.raw)?.[1];
    expect(link).toBeDefined();
    const token = decodeURIComponent(new URL(link!).searchParams.get('token')!);
    const reset = await fetch(`${server.url}/api/auth/reset-password`, json('POST', { newPassword: 'een-nieuw-wachtwoord', token }, { origin: server.url }));
    expect(reset.status).toBe(200);
    const signedIn = await fetch(`${server.url}/api/auth/sign-in/email`, json('POST', { email: member.email, password: 'een-nieuw-wachtwoord' }, { origin: server.url }));
    expect(signedIn.status).toBe(200);

    const before = mail.received.length;
    expect((await fetch(`${server.url}/api/auth/request-password-reset`, json('POST', { email: 'niemand@klantreis.test', redirectTo: '/reset-password' }, { origin: server.url }))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mail.received.length).toBe(before);
  });

  it('mails at most three reset links a minute from one address, so nobody floods a mailbox from the sign-in page', async () => {
    const member = await invitePerson(server, 'viewer', { name: 'Overspoelde Olaf' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await fetch(`${server.url}/api/auth/request-password-reset`, json('POST', { email: member.email, redirectTo: '/reset-password' }, { origin: server.url }))).status);
    expect(statuses.at(-1)).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsTo(member.email).length).toBeLessThanOrEqual(3);
  });

  it('still gives the link when the mail server refuses it, and says why', async () => {
    mail.refuse.add('onbereikbaar@klantreis.test');
    const answer = await server.fetch(`/api/workspaces/${workspaceId}/invitations`, json('POST', { role: 'viewer', email: 'onbereikbaar@klantreis.test' }));
    expect(answer.status).toBe(201);
    const made = (await answer.json()) as { url: string; mailedTo?: string; mailProblem?: string };
    expect(made.mailedTo).toBeUndefined();
    expect(made.mailProblem).toMatch(/550|no mailbox/);
    expect(made.url).toContain('/invite/');
  });
});

describe('mail configuration', () => {
  it('names what is missing or wrong', () => {
    expect(() => configFromEnv({ KLANTREIS_SMTP_URL: 'smtp://mail.example.org:587', KLANTREIS_PUBLIC_URL: 'https://klantreis.example.org' })).toThrow(/KLANTREIS_MAIL_FROM/);
    expect(() => configFromEnv({ KLANTREIS_SMTP_URL: 'http://mail.example.org', KLANTREIS_MAIL_FROM: 'k@example.org', KLANTREIS_PUBLIC_URL: 'https://klantreis.example.org' })).toThrow(/smtp:\/\/ or smtps:\/\//);
    expect(() => configFromEnv({ KLANTREIS_SMTP_URL: 'smtp://mail.example.org:587', KLANTREIS_MAIL_FROM: 'k@example.org' })).toThrow(/KLANTREIS_PUBLIC_URL/);
    expect(configFromEnv({ KLANTREIS_SMTP_URL: 'smtp://mail.example.org:587', KLANTREIS_MAIL_FROM: 'k@example.org', KLANTREIS_PUBLIC_URL: 'https://klantreis.example.org' }).mail).toEqual({ url: 'smtp://mail.example.org:587', from: 'k@example.org' });
  });
});

describe('without KLANTREIS_SMTP_URL', () => {
  it('mails nothing: the link is handed on, and the sign-in page offers no mail', async () => {
    const server = await buildTestServer();
    try {
      expect(await (await fetch(`${server.url}/api/auth-providers`)).json()).toMatchObject({ mail: false });
      const made = (await (await server.fetch(`/api/workspaces/${await firstWorkspaceId(server)}/invitations`, json('POST', { role: 'viewer', email: 'iemand@klantreis.test' }))).json()) as Record<string, unknown>;
      expect(made).not.toHaveProperty('mailedTo');
      expect(made).not.toHaveProperty('mailProblem');
    } finally {
      await server.close();
    }
  });
});
