import type { ReactNode, RefObject } from 'react';

/**
 * A box that scrolls a wide or long table. It takes keyboard focus and carries a name, so that
 * someone without a mouse can scroll it too (WCAG 2.1.1).
 */
export function ScrollRegion({ label, className, children, boxRef }: { label: string; className?: string; children: ReactNode; boxRef?: RefObject<HTMLDivElement | null> }) {
  return (
    <div ref={boxRef} className={`table-scroll${className ? ` ${className}` : ''}`} tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
