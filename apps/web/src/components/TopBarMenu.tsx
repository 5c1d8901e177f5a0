import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "More" in the editor's top bar: what is used now and then (the dashboard, export, the
 * journey-level score), so that the bar keeps one row down to 1024 px. Closes on a choice, on
 * Escape and on a click elsewhere.
 */
export function TopBarMenu({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    const close = (event: Event) => {
      const menu = ref.current;
      if (!menu?.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== 'Escape') return;
        menu.open = false;
        menu.querySelector('summary')?.focus();
        return;
      }
      if (!menu.contains(event.target as Node)) menu.open = false;
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);

  return (
    <details className="topbar-menu" ref={ref} data-testid="topbar-more">
      <summary className="button" title={t('mapView.moreLabel')}>
        {t('mapView.more')} <span aria-hidden="true">▾</span>
      </summary>
      <div
        className="topbar-menu__list"
        onClick={(event) => {
          // A chosen link or button closes the menu; the score's select keeps it open while in use.
          if ((event.target as HTMLElement).closest('a, button') && ref.current) ref.current.open = false;
        }}
      >
        {children}
      </div>
    </details>
  );
}
