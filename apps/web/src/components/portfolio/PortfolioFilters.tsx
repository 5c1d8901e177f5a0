import { useTranslation } from 'react-i18next';
import { JOURNEY_KINDS, JOURNEY_STATUSES, type JourneyKind, type JourneyStatus } from '@klantreis/schema';
import type { HealthLevel } from '@klantreis/core/contracts';
import { EMPTY_FILTER, filterIsEmpty, GROUP_KEYS, HEALTH_LEVELS, NO_OWNER, type GroupKey, type PortfolioFilter } from './portfolioQuery.ts';

/** A labelled select whose first choice is "all" (the empty value). */
function FilterSelect({ label, value, onChange, children, testId }: { label: string; value: string; onChange: (value: string) => void; children: React.ReactNode; testId: string }) {
  const { t } = useTranslation();
  return (
    <label className="portfolio-filter">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{t('portfolio.filter.any')}</option>
        {children}
      </select>
    </label>
  );
}

/**
 * The portfolio's filter bar (owner, status, type, tag, health, words) and its grouping. It
 * only reports changes; the scene writes them to the URL.
 */
export function PortfolioFilters({ filter, group, owners, tags, onFilter, onGroup }: {
  filter: PortfolioFilter;
  /** Null where grouping means nothing (the lifecycle board groups by stage itself). */
  group: GroupKey | null;
  owners: { id: string; name: string }[];
  tags: string[];
  onFilter: (filter: PortfolioFilter, options?: { typing: boolean }) => void;
  onGroup: (group: GroupKey) => void;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<PortfolioFilter>) => onFilter({ ...filter, ...patch });
  return (
    <div className="portfolio-filters" role="group" aria-label={t('portfolio.filter.label')}>
      <label className="portfolio-filter portfolio-filter--text">
        <span>{t('portfolio.filter.text')}</span>
        <input
          type="search"
          value={filter.text}
          placeholder={t('portfolio.filter.textPlaceholder')}
          onChange={(e) => onFilter({ ...filter, text: e.target.value }, { typing: true })}
          data-testid="portfolio-search"
        />
      </label>
      <FilterSelect label={t('portfolio.filter.status')} value={filter.status ?? ''} onChange={(v) => set({ status: (v || null) as JourneyStatus | null })} testId="filter-status">
        {JOURNEY_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`portfolio.statuses.${status}`)}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label={t('portfolio.filter.owner')} value={filter.owner ?? ''} onChange={(v) => set({ owner: v || null })} testId="filter-owner">
        {owners.map((owner) => (
          <option key={owner.id} value={owner.id}>
            {owner.name}
          </option>
        ))}
        <option value={NO_OWNER}>{t('portfolio.filter.noOwner')}</option>
      </FilterSelect>
      <FilterSelect label={t('portfolio.filter.kind')} value={filter.kind ?? ''} onChange={(v) => set({ kind: (v || null) as JourneyKind | null })} testId="filter-kind">
        {JOURNEY_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`portfolio.kinds.${kind}`)}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label={t('portfolio.filter.tag')} value={filter.tag ?? ''} onChange={(v) => set({ tag: v || null })} testId="filter-tag">
        {tags.map((tag) => (
          <option key={tag} value={tag}>
            {tag}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label={t('portfolio.filter.health')} value={filter.health ?? ''} onChange={(v) => set({ health: (v || null) as HealthLevel | null })} testId="filter-health">
        {HEALTH_LEVELS.map((level) => (
          <option key={level} value={level}>
            {t(`portfolio.health.${level}`)}
          </option>
        ))}
      </FilterSelect>
      {group !== null && (
        <label className="portfolio-filter">
          <span>{t('portfolio.group.label')}</span>
          <select value={group} onChange={(e) => onGroup(e.target.value as GroupKey)} data-testid="group-by">
            {GROUP_KEYS.map((key) => (
              <option key={key} value={key}>
                {t(`portfolio.group.${key}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {!filterIsEmpty(filter) && (
        <button type="button" className="link" onClick={() => onFilter(EMPTY_FILTER)}>
          {t('portfolio.filter.clear')}
        </button>
      )}
    </div>
  );
}
