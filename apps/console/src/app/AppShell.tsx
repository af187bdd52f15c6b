import { Suspense, type ReactElement } from 'react';
import { NavLink, useRoutes } from 'react-router-dom';
import { signOut } from '../api/session';
import { IconChat, IconFlow, IconHand, IconLogout, IconRuns, IconSpinner } from '../ui/icons';
import { NAV, type NavEntry } from './nav';
import { ROUTES } from './routes';
import { RouteErrorBoundary } from './RouteErrorBoundary';
import './shell.css';

const ICONS: Record<NavEntry['icon'], () => ReactElement> = {
  runs: () => <IconRuns />,
  hand: () => <IconHand />,
  flow: () => <IconFlow />,
  chat: () => <IconChat />,
};

/** Dark sidebar (a top bar on phones) around the routed page. */
export function AppShell({ user }: { user: string }) {
  const page = useRoutes(ROUTES);
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            T
          </span>
          <span>Trellis</span>
        </div>
        <nav aria-label="Main" className="nav">
          {NAV.map((entry) => (
            <NavLink key={entry.to} to={entry.to} className="nav-link">
              {ICONS[entry.icon]()}
              <span>{entry.label}</span>
            </NavLink>
          ))}
        </nav>
        <div className="sidebar-footer">
          <span className="user" title={`Signed in as ${user}`}>
            <span className="avatar" aria-hidden="true">
              {user.slice(0, 1).toUpperCase()}
            </span>
            <span className="truncate">{user}</span>
          </span>
          <button type="button" className="button button-ghost sign-out" onClick={() => signOut()} aria-label="Sign out">
            <IconLogout />
          </button>
        </div>
      </aside>
      <main id="main" className="content" tabIndex={-1}>
        <RouteErrorBoundary>
          <Suspense
            fallback={
              <div className="page loading" role="status">
                <IconSpinner /> Loading…
              </div>
            }
          >
            {page}
          </Suspense>
        </RouteErrorBoundary>
      </main>
    </div>
  );
}
