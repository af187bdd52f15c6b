import '@fontsource-variable/inter/wght.css';
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from './api/query-client';
import { currentToken } from './api/session';
import { App } from './app/App';
import { takeTokenFromFragment } from './features/auth/token-fragment';
import { readFilters } from './features/runs/run-filters';
import { prefetchRuns } from './features/runs/use-runs';

takeTokenFromFragment();
const queryClient = createQueryClient();
// Most visits open the runs list: its first page loads while React renders.
if (currentToken() && ['/', '/runs'].includes(location.pathname))
  prefetchRuns(queryClient, readFilters(new URLSearchParams(location.search)));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
