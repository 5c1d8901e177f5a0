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
  /** The link the mail is about. */
  url: string;
  /** Who it comes from, and what it is about (the workspace or journey). */
  by?: string;
  about?: string;
}

export class Mailer {
  private readonly transport: Transporter;
  private readonly from: string;

  constructor(settings: MailSettings) {
    this.transport = nodemailer.createTransport(settings.url);
    this.from = settings.from;
  }

  /** Sends one mail; rejects with the SMTP server's answer when it is refused. */
  async send(mail: Mail): Promise<void> {
    const { subject, text } = mailText(mail);
    await this.transport.sendMail({ from: this.from, to: mail.to, subject, text });
  }

  close(): void {
    this.transport.close();
  }
}
