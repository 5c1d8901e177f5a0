import { useTranslation } from 'react-i18next';
import { navigate } from '../routing/appHistory.ts';

/** The app's main places, in the top bar of the journeys list and the portfolio. */
export function AppNav({ current }: { current: 'journeys' | 'portfolio' }) {
  const { t } = useTranslation();
  const link = (place: 'journeys' | 'portfolio', path: string) => (
    <a
      href={path}
      className="app-nav__link"
      aria-current={current === place ? 'page' : undefined}
      onClick={(event) => {
        event.preventDefault();
        navigate(path);
      }}
    >
      {t(`portfolio.nav.${place}`)}
    </a>
  );
  return (
    <nav className="app-nav" aria-label={t('portfolio.nav.label')}>
      {link('journeys', '/')}
      {link('portfolio', '/portfolio')}
    </nav>
  );
}
