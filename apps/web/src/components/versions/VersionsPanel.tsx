import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { versionsApi, type VersionInfo } from '../../api/versionsApi.ts';
import { useOwnIdentity } from '../../stores/presenceStore.ts';
import { useVersions, useVersionsChange } from '../../queries/versions.ts';
import { relativeTime } from '../relativeTime.ts';
import { ApprovalRequestForm } from './ApprovalRequestForm.tsx';
import { ApprovalRounds } from './ApprovalRounds.tsx';
import { CompareDialog, type ComparedPair } from './CompareDialog.tsx';
import { SaveVersionForm } from './SaveVersionForm.tsx';
import { versionLabels } from './versionLabel.ts';

const CURRENT = 'current';

/** The versions of the map (named and automatic), compare, restore, and the approval rounds. */
export function VersionsPanel({ journeyId }: { journeyId: string }) {
  const { t, i18n } = useTranslation();
  const me = useOwnIdentity();
  const { versions, stale: loadError } = useVersions(journeyId);
  const change = useVersionsChange(journeyId);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState(CURRENT);
  const [compared, setCompared] = useState<ComparedPair | null>(null);
  const [requestingFor, setRequestingFor] = useState<string | null>(null);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const names = useMemo(() => versionLabels(versions, t, i18n.language), [versions, t, i18n.language]);
  const nameOf = (version: VersionInfo) => names.get(version.id) ?? version.name;
  const fromId = from || versions[0]?.id || '';

  const label = (versionId: string) => (versionId === CURRENT ? t('versions.current') : (names.get(versionId) ?? versionId));
  const compare = (fromVersion: string, toVersion: string) => setCompared({ from: fromVersion, to: toVersion, fromLabel: label(fromVersion), toLabel: label(toVersion) });

  async function restore(version: VersionInfo) {
    if (!confirm(t('versions.confirmRestore', { name: nameOf(version) }))) return;
    try {
      await change(() => versionsApi.restore(journeyId, version.id, me.name));
      setRestoreError(null);
    } catch (caught) {
      setRestoreError(caught instanceof Error ? caught.message : String(caught));
    }
  }

  return (
    <section className="versions" aria-labelledby="versions-title" data-testid="versions-panel">
      <div className="panel__head">
        <h2 id="versions-title">{t('versions.title')}</h2>
      </div>
      <SaveVersionForm journeyId={journeyId} />
      {loadError && <p className="hint">{t('versions.stale')}</p>}
      {restoreError && (
        <p role="alert" className="error">
          {t('versions.failed', { error: restoreError })}
        </p>
      )}

      {versions.length > 0 && (
        <form
          className="inline-form compare-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (fromId) compare(fromId, to);
          }}
        >
          <label>
            {t('versions.compareFrom')}
            <select name="compare-from" value={fromId} onChange={(e) => setFrom(e.target.value)}>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {nameOf(v)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('versions.compareTo')}
            <select name="compare-to" value={to} onChange={(e) => setTo(e.target.value)}>
              <option value={CURRENT}>{t('versions.current')}</option>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {nameOf(v)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t('versions.compare')}</button>
        </form>
      )}

      {versions.length === 0 ? (
        <p className="hint">{t('versions.none')}</p>
      ) : (
        <ol className="version-list">
          {versions.map((version) => (
            <li key={version.id} className="version" data-testid="version" data-version-id={version.id} data-kind={version.kind} data-name={nameOf(version)}>
              <div className="version__head">
                <strong className="version__name">{nameOf(version)}</strong>
                {version.kind !== 'named' && <span className="badge">{t(version.kind === 'auto' ? 'versions.automatic' : 'versions.beforeRestore')}</span>}
              </div>
              <p className="hint">
                {version.author ? t('versions.byWhen', { author: version.author, when: relativeTime(t, version.createdAt) }) : relativeTime(t, version.createdAt)}
              </p>
              <div className="row version__actions">
                <button type="button" onClick={() => compare(version.id, CURRENT)} aria-label={t('versions.compareWithCurrentOf', { name: nameOf(version) })}>
                  {t('versions.compareWithCurrent')}
                </button>
                <button type="button" onClick={() => void restore(version)} aria-label={t('versions.restoreOf', { name: nameOf(version) })}>
                  {t('versions.restore')}
                </button>
                <button
                  type="button"
                  aria-expanded={requestingFor === version.id}
                  onClick={() => setRequestingFor(requestingFor === version.id ? null : version.id)}
                  aria-label={t('approval.requestOf', { name: nameOf(version) })}
                >
                  {t('approval.request')}
                </button>
              </div>
              {requestingFor === version.id && <ApprovalRequestForm journeyId={journeyId} version={version} onDone={() => setRequestingFor(null)} />}
            </li>
          ))}
        </ol>
      )}

      <h2 className="versions__approval-title">{t('approval.title')}</h2>
      <ApprovalRounds journeyId={journeyId} versionNames={names} />
      {compared && <CompareDialog journeyId={journeyId} pair={compared} onClose={() => setCompared(null)} />}
    </section>
  );
}
