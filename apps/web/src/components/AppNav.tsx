import { useTranslation } from 'react-i18next';
import { Link } from '@tanstack/react-router';

/** The app's main places, in the top bar of the journeys list and the portfolio. */
export function AppNav({ current }: { current: 'journeys' | 'portfolio' }) {
  const { t } = useTranslation();
  // A router link: a click opens the page in place, a middle or Ctrl-click in a new tab, and
  // hovering it already asks for the page's code. Which place is current is the scene's word.
  const link = (place: 'journeys' | 'portfolio', path: '/' | '/portfolio') => (
    <Link to={path} className="app-nav__link" activeOptions={{ exact: true, includeSearch: false }} aria-current={current === place ? 'page' : undefined}>
      {t(`portfolio.nav.${place}`)}
    </Link>
  );
  return (
    <nav className="app-nav" aria-label={t('portfolio.nav.label')}>
      {link('journeys', '/')}
      {link('portfolio', '/portfolio')}
    </nav>
  );
}
