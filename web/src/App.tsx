import { AccountControls } from './features/account/AccountControls';
import { ClusterPanel } from './features/cluster/ClusterPanel';
import { FirmList } from './features/firms/FirmList';
import { useI18n } from './i18n/I18nProvider';
import { LangToggle } from './i18n/LangToggle';

export function App() {
  const { t } = useI18n();
  return (
    <div className="app">
      <header className="app-header">
        <div className="app-header__brand">
          <span className="app-header__mark" aria-hidden="true">
            渝
          </span>
          <div>
            <h1>
              渝链 <span lang="en">Yulian</span>
            </h1>
            <p className="app-header__subtitle">{t('app.subtitle')}</p>
          </div>
        </div>
        <div className="app-header__tools">
          <AccountControls />
          <LangToggle />
        </div>
      </header>
      <main className="app-main">
        <ClusterPanel />
        <FirmList />
      </main>
      <footer className="app-footer">{t('app.footer')}</footer>
    </div>
  );
}
