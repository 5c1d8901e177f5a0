// What Klantreis mails, in Dutch and English: the recipient's language where their account has
// one, else the language of the person who made the link.
import { PASSWORD_RESET_TTL_SECONDS } from '@klantreis/core';
import type { Language } from '@klantreis/schema';

const RESET_HOURS = PASSWORD_RESET_TTL_SECONDS / 3600;

export type MailKind = 'invitation' | 'password-reset';

interface MailFields {
  url: string;
  by?: string;
  about?: string;
  language: Language;
  kind: MailKind;
}

const TEXTS: Record<Language, Record<MailKind, (fields: MailFields) => { subject: string; text: string }>> = {
  nl: {
    invitation: ({ url, by, about }) => ({
      subject: about ? `Uitnodiging voor ${about} in Klantreis` : 'Uitnodiging voor Klantreis',
      text: [
        `${by ?? 'Iemand'} nodigt je uit${about ? ` voor ${about}` : ''} in Klantreis.`,
        '',
        'Open deze link om mee te doen (hij werkt één keer en verloopt na 7 dagen):',
        url,
        '',
        'Verwachtte je deze uitnodiging niet? Dan kun je deze mail negeren.',
      ].join('\n'),
    }),
    'password-reset': ({ url }) => ({
      subject: 'Een nieuw wachtwoord voor Klantreis',
      text: [
        'Er is gevraagd om een nieuw wachtwoord voor je Klantreis-account.',
        '',
        `Kies het met deze link (hij werkt één keer en verloopt na ${RESET_HOURS} uur):`,
        url,
        '',
        'Heb je dit niet gevraagd? Dan kun je deze mail negeren: je wachtwoord blijft wat het was.',
      ].join('\n'),
    }),
  },
  en: {
    invitation: ({ url, by, about }) => ({
      subject: about ? `Invitation to ${about} in Klantreis` : 'Invitation to Klantreis',
      text: [
        `${by ?? 'Someone'} invites you${about ? ` to ${about}` : ''} in Klantreis.`,
        '',
        'Open this link to join (it works once and expires after 7 days):',
        url,
        '',
        'Not expecting this invitation? You can ignore this mail.',
      ].join('\n'),
    }),
    'password-reset': ({ url }) => ({
      subject: 'A new password for Klantreis',
      text: [
        'Someone asked for a new password for your Klantreis account.',
        '',
        `Choose it with this link (it works once and expires after ${RESET_HOURS} hours):`,
        url,
        '',
        'Did not ask for this? You can ignore this mail: your password stays as it was.',
      ].join('\n'),
    }),
  },
};

export function mailText(fields: MailFields): { subject: string; text: string } {
  return TEXTS[fields.language][fields.kind](fields);
}
