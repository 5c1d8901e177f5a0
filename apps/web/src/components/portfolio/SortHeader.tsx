import type { ReactNode } from 'react';

/**
 * A column header that sorts its table: a button inside the <th>, with aria-sort on the <th>
 * saying the order now in force. A click on the sorted column turns its direction.
 */
export function SortHeader<K extends string>({ column, label, help, sort, onSort, className }: {
  column: K;
  label: ReactNode;
  help?: string;
  sort: { key: K; direction: 'asc' | 'desc' };
  onSort: (sort: { key: K; direction: 'asc' | 'desc' }) => void;
  className?: string;
}) {
  const active = sort.key === column;
  return (
    <th scope="col" className={className} aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined} title={help}>
      <button
        type="button"
        className="sort-header"
        data-column={column}
        onClick={() => onSort({ key: column, direction: active && sort.direction === 'asc' ? 'desc' : 'asc' })}
      >
        {label}
        <span className="sort-header__arrow" aria-hidden="true">
          {active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}
