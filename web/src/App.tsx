import { Suspense, lazy } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout } from './shell/AppLayout';
import { Loading } from './shell/States';
import { NotFound } from './shell/NotFound';

import MapPage from './features/map/MapPage';

// The map is the home page and loads with the app (its cytoscape part loads in parallel with its
// data); the other pages load on first visit, so the dashboard's ECharts stays off the map.
const GapsPage = lazy(() => import('./features/gaps/GapsPage'));
const SuppliersPage = lazy(() => import('./features/suppliers/SuppliersPage'));
const DashboardPage = lazy(() => import('./features/dashboard/DashboardPage'));
const ImportPage = lazy(() => import('./features/import/ImportPage').then((m) => ({ default: m.ImportPage })));
const TargetsPage = lazy(() => import('./features/targets/TargetsPage').then((m) => ({ default: m.TargetsPage })));

export function App() {
  return (
    <AppLayout>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route index element={<MapPage />} />
          <Route path="gaps" element={<GapsPage />} />
          <Route path="suppliers" element={<SuppliersPage />} />
          <Route path="dashboard" element={<DashboardPage />} />
          <Route path="import" element={<ImportPage />} />
          <Route path="targets" element={<TargetsPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </AppLayout>
  );
}
