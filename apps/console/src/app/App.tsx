import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { BrowserRouter } from 'react-router-dom';
import type { QueryClient } from '@tanstack/react-query';
import { readClaims, useToken } from '../api/session';
import { SignInPage } from '../features/auth/SignInPage';
import { AppShell } from './AppShell';

/** Providers, the sign-in gate and the routed pages. Each user gets a fresh cache: nothing crosses users. */
export function App({ queryClient }: { queryClient: QueryClient }) {
  const token = useToken();
  useEffect(() => {
    if (!token) queryClient.clear();
  }, [token, queryClient]);
  if (!token) return <SignInPage />;
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <AppShell key={token} user={readClaims(token)?.sub ?? 'unknown'} />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
