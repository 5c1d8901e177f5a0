import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '@tanstack/react-router';
import { AccountMenu } from './AccountMenu.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** The frame of the account pages: the brand (a link home), the account menu and the language. */
export function AccessPage({ title, children, signedIn = true }: { title: string; children: ReactNode; signedIn?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <header className="topbar">
        <div className="brand">
          <Link className="brand__name" to="/" activeOptions={{ exact: true, includeSearch: false }}>
            {t('app.name')}
          </Link>
        </div>
        {signedIn && <AccountMenu />}
        <LanguageSwitch />
      </header>
      <main id="main" className="access">
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
