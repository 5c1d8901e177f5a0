// Mail is optional: without KLANTREIS_SMTP_URL every link is handed on by the person who made
// it (invitations, password resets), as before. With it, Klantreis also sends them itself.
import nodemailer, { type Transporter } from 'nodemailer';
import type { Language } from '@klantreis/schema';
import type { MailSettings } from './mailSettings.ts';
import { mailText, type MailKind } from './mailTexts.ts';

export interface Mail {
  to: string;
  kind: MailKind;
  language: Language;
  /** The link the mail is about: its path here; the mail gives it at KLANTREIS_PUBLIC_URL. */
  path: string;
  /** Who it comes from, and what it is about (the workspace or journey). */
  by?: string;
  about?: string;
}

const MAX_INVITATION_MAILS_PER_HOUR = 30;

export class Mailer {
  private readonly transport: Transporter;
  private readonly from: string;
  private readonly publicUrl: string;
  /** Invitation mails per inviter in the last hour: a workspace of one's own is no open relay. */
  private readonly sentBy = new Map<string, number[]>();

  /** `publicUrl`: the address people use; every mailed link points there, never to a request's Host. */
  constructor(settings: MailSettings, publicUrl: string) {
    this.transport = nodemailer.createTransport(settings.url);
    this.from = settings.from;
    this.publicUrl = publicUrl.replace(/\/$/, '');
  }

  /** Whether this person may send another invitation mail now (at most 30 an hour); counts it when so. */
  mayInvite(senderId: string): boolean {
    const hourAgo = Date.now() - 3_600_000;
    const recent = (this.sentBy.get(senderId) ?? []).filter((at) => at > hourAgo);
    if (recent.length >= MAX_INVITATION_MAILS_PER_HOUR) return false;
    this.sentBy.set(senderId, [...recent, Date.now()]);
    return true;
  }

  /** Sends one mail; rejects with the SMTP server's answer when it is refused. */
  async send(mail: Mail): Promise<void> {
    const { subject, text } = mailText({ ...mail, url: `${this.publicUrl}${mail.path}` });
    await this.transport.sendMail({ from: this.from, to: mail.to, subject, text });
  }

  close(): void {
    this.transport.close();
  }
}
