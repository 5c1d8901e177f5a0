import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JOURNEY_KINDS, JOURNEY_STATUSES, type JourneyKind, type JourneyStatus } from '@klantreis/schema';
import type { Member } from '@klantreis/core/contracts';
import { parseTags } from './tagsText.ts';

// The controls that change a journey's place in the portfolio, shared by the portfolio's rows
// and the editor's journey details: status, type, owner (an account of the workspace) and tags.

export function StatusSelect({ value, label, onChange, testId }: { value: JourneyStatus; label: string; onChange: (status: JourneyStatus) => void; testId?: string }) {
  const { t } = useTranslation();
  return (
    <select className="inline-select" value={value} aria-label={label} onChange={(e) => onChange(e.target.value as JourneyStatus)} data-testid={testId}>
      {JOURNEY_STATUSES.map((status) => (
        <option key={status} value={status}>
          {t(`portfolio.statuses.${status}`)}
        </option>
      ))}
    </select>
  );
}

export function KindSelect({ value, label, onChange, testId }: { value: JourneyKind; label: string; onChange: (kind: JourneyKind) => void; testId?: string }) {
  const { t } = useTranslation();
  return (
    <select className="inline-select" value={value} aria-label={label} onChange={(e) => onChange(e.target.value as JourneyKind)} data-testid={testId}>
      {JOURNEY_KINDS.map((kind) => (
        <option key={kind} value={kind}>
          {t(`portfolio.kinds.${kind}`)}
        </option>
      ))}
    </select>
  );
}

/**
 * The owner among the members. An owner who is no member (any more), or a name written in an
 * imported map, stays as a choice so that the select shows what is there.
 */
export function OwnerSelect({ owner, members, label, onChange, testId }: {
  owner: { id: string | null; name: string };
  members: readonly Pick<Member, 'userId' | 'name'>[];
  label: string;
  onChange: (ownerId: string | null) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const known = owner.id === null || members.some((m) => m.userId === owner.id);
  return (
    <select className="inline-select" value={owner.id ?? ''} aria-label={label} onChange={(e) => onChange(e.target.value || null)} data-testid={testId}>
      <option value="">{owner.id === null && owner.name ? t('portfolio.details.ownerAsWritten', { name: owner.name }) : t('portfolio.details.noOwner')}</option>
      {!known && <option value={owner.id!}>{owner.name}</option>}
      {members.map((member) => (
        <option key={member.userId} value={member.userId}>
          {member.name}
        </option>
      ))}
    </select>
  );
}

/** Tags as one text field, separated by commas; saved when it loses focus or on Enter, only when changed. */
export function TagsInput({ tags, label, onChange, testId, id, describedBy }: { tags: readonly string[]; label?: string; onChange: (tags: string[]) => void; testId?: string; id?: string; describedBy?: string }) {
  const shown = tags.join(', ');
  const [text, setText] = useState<string | null>(null);
  const commit = () => {
    if (text === null) return;
    const next = parseTags(text);
    setText(null);
    if (next.join('\n') !== tags.join('\n')) onChange(next);
  };
  return (
    <input
      id={id}
      className="inline-input"
      value={text ?? shown}
      aria-label={label}
      aria-describedby={describedBy}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        }
        if (e.key === 'Escape') setText(null);
      }}
      data-testid={testId}
    />
  );
}
