import type { TFunction } from 'i18next';
import type { VersionInfo } from '../../api/versionsApi.ts';
import { dateTimeFormat } from '../../i18n/intlFormats.ts';

/** "5 Dec 2026, 19:18" / "5 dec 2026 19:18": a version's moment in the UI language. */
export function versionTime(createdAt: number, language: string, seconds = false): string {
  return dateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}) }).format(createdAt);
}

/** What versionLabel needs of a version; `restored` is absent in answers of an older server. */
export type LabelledVersion = Pick<VersionInfo, 'name' | 'kind' | 'createdAt'> & { restored?: VersionInfo['restored'] };

/** What the restored version was, as far as a version kept before the restore says. */
type Restored = Pick<VersionInfo, 'name' | 'kind'> & { createdAt: number | null };

/**
 * What a person reads as a version's name: their own name for a saved version; for the ones
 * Klantreis takes, what it is and when, in words ("Automatic version, 5 Dec 2026, 19:18";
 * "Before restoring “as-is”, …"), never the stored machine name.
 */
export function versionLabel(version: LabelledVersion, t: TFunction, language: string, seconds = false): string {
  const when = versionTime(version.createdAt, language, seconds);
  if (version.kind === 'auto') return t('versions.autoName', { when });
  if (version.kind === 'before-restore') {
    const restored = version.restored ?? restoredFromStoredName(version.name);
    if (!restored) return t('versions.beforeRestoreName', { when });
    return t('versions.beforeRestoringName', { restored: restoredLabel(restored, t, language), when });
  }
  return version.name;
}

/** The version a restore put back, as the middle of "Before restoring …". */
function restoredLabel(restored: Restored, t: TFunction, language: string): string {
  // Klantreis's own versions have no name a person gave them: named by what they are and when.
  if (restored.kind === 'named') return t('versions.restoredNamed', { name: restored.name });
  if (restored.createdAt === null) return t('versions.restoredEarlierBackup');
  const when = versionTime(restored.createdAt, language);
  return restored.kind === 'auto' ? t('versions.restoredAuto', { when }) : t('versions.restoredBackup', { when });
}

// The name the server gives a version it keeps before a restore (apps/server/src/routes/versions);
// the versions kept before it also stored which version was put back have only this to go on.
const STORED_PREFIX = 'before restoring: ';
// An automatic version's stored name is the moment it was taken (apps/server's versionExtension.ts).
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * The restored version from a stored name `before restoring: <name>`, for versions kept by an
 * older Klantreis; null when the name does not say (then only "a restore" is told).
 */
function restoredFromStoredName(name: string): Restored | null {
  if (!name.startsWith(STORED_PREFIX)) return null;
  const restoredName = name.slice(STORED_PREFIX.length);
  if (ISO_TIME.test(restoredName)) return { name: restoredName, kind: 'auto', createdAt: Date.parse(restoredName) };
  // A version kept before an earlier restore: when that was, its name does not say.
  if (restoredName.startsWith(STORED_PREFIX)) return { name: restoredName, kind: 'before-restore', createdAt: null };
  return { name: restoredName, kind: 'named', createdAt: null };
}

/**
 * The labels of a journey's versions, each told apart from the others: two that would read alike
 * (the same version restored twice within a minute, two automatic versions of one minute) show
 * their time to the second, and any still alike a number after it, oldest first.
 */
export function versionLabels<V extends LabelledVersion & { id: string }>(versions: readonly V[], t: TFunction, language: string): Map<string, string> {
  const labels = new Map(versions.map((version) => [version.id, versionLabel(version, t, language)]));
  const alike = (label: string) => versions.filter((version) => labels.get(version.id) === label);
  for (const label of new Set(labels.values())) {
    const same = alike(label);
    if (same.length < 2) continue;
    for (const version of same) labels.set(version.id, versionLabel(version, t, language, true));
  }
  for (const label of new Set(labels.values())) {
    const same = alike(label).sort((a, b) => a.createdAt - b.createdAt);
    if (same.length < 2) continue;
    same.forEach((version, i) => labels.set(version.id, `${label} (${i + 1})`));
  }
  return labels;
}
