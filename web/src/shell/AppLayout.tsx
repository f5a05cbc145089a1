import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { AccountControls } from '../features/account/AccountControls';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { LangToggle } from '../i18n/LangToggle';

const NAV: readonly { to: string; label: MessageKey; end?: boolean }[] = [
  { to: '/', label: 'nav.map', end: true },
  { to: '/gaps', label: 'nav.gaps' },
  { to: '/suppliers', label: 'nav.suppliers' },
  { to: '/dashboard', label: 'nav.dashboard' },
  { to: '/import', label: 'nav.import' },
  { to: '/targets', label: 'nav.targets' },
];

/** The frame of every page: brand, navigation, account and language, the page, the footer. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <div className="app-header__brand">
          <span className="app-header__mark" aria-hidden="true">
            渝
          </span>
          <div>
            <p className="app-header__title">
              渝链 <span lang="en">Yulian</span>
            </p>
            <p className="app-header__subtitle">{t('app.subtitle')}</p>
          </div>
        </div>
        <nav className="app-nav" aria-label={t('nav.label')}>
          {NAV.map((item) => (
            <NavLink key={item.to} to={item.to} end={item.end} className={({ isActive }) => (isActive ? 'app-nav__link is-active' : 'app-nav__link')}>
              {t(item.label)}
            </NavLink>
          ))}
        </nav>
        <div className="app-header__tools">
          <AccountControls />
          <LangToggle />
        </div>
      </header>
      <main className="app-main" id="main">
        {children}
      </main>
      <footer className="app-footer">{t('app.footer')}</footer>
    </div>
  );
}
