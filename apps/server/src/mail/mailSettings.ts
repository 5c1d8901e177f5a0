// KLANTREIS_SMTP_URL and KLANTREIS_MAIL_FROM, read with the rest of the configuration (no
// mail library is loaded for it: the CLI reads the configuration too).
export interface MailSettings {
  /** smtp://user:password@host:587 or smtps://…:465 */
  url: string;
  /** The sender: `Klantreis <klantreis@example.org>`. */
  from: string;
}

export class MailConfigError extends Error {}

/** The mail settings from the environment, or undefined when mail is not configured. */
export function mailSettingsFromEnv(env: NodeJS.ProcessEnv): MailSettings | undefined {
  const url = env.KLANTREIS_SMTP_URL;
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new MailConfigError(`KLANTREIS_SMTP_URL must look like smtp://user:password@host:587, got "${url.replace(/\/\/[^@/]*@/, '//…@')}"`);
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') throw new MailConfigError(`KLANTREIS_SMTP_URL must start with smtp:// or smtps://, got ${parsed.protocol}//`);
  const from = env.KLANTREIS_MAIL_FROM;
  if (!from || !/@/.test(from)) throw new MailConfigError('KLANTREIS_SMTP_URL is set: set KLANTREIS_MAIL_FROM to the sender, e.g. "Klantreis <klantreis@example.org>"');
  return { url, from };
}
