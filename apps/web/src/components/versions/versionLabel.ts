import type { TFunction } from 'i18next';
import type { VersionInfo } from '../../api/versionsApi.ts';
import { dateTimeFormat } from '../../i18n/intlFormats.ts';

/** "5 Dec 2026, 19:18" / "5 dec 2026 19:18": a version's moment in the UI language. */
export function versionTime(createdAt: number, language: string): string {
  return dateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(createdAt);
}

/**
 * What a person reads as a version's name: their own name for a saved version; for the ones
 * Klantreis takes, what it is and when, in words ("Automatic version, 5 Dec 2026, 19:18";
 * "Before a restore, …"), never the stored machine name.
 */
export function versionLabel(version: Pick<VersionInfo, 'name' | 'kind' | 'createdAt'>, t: TFunction, language: string): string {
  const when = versionTime(version.createdAt, language);
  if (version.kind === 'auto') return t('versions.autoName', { when });
  if (version.kind === 'before-restore') return t('versions.beforeRestoreName', { when });
  return version.name;
}
