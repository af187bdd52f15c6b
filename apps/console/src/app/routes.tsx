import { lazy } from 'react';
import { Navigate, type RouteObject } from 'react-router-dom';
import { RunsPage } from '../features/runs/RunsPage';
import { NotFoundPage } from './NotFoundPage';

// Pages other than the runs list load on demand (the graph and the editor are large).
const RunDetailPage = lazy(() => import('../features/run-detail/RunDetailPage'));
const WorkflowsPage = lazy(() => import('../features/workflows/WorkflowsPage'));
const WorkflowEditorPage = lazy(() => import('../features/workflows/WorkflowEditorPage'));
const TestChatPage = lazy(() => import('../features/test-chat/TestChatPage'));
const WaitsPage = lazy(() => import('../features/waits/WaitsPage'));

/** Every page of the console. */
export const ROUTES: RouteObject[] = [
  { path: '/', element: <Navigate to="/runs" replace /> },
  { path: '/runs', element: <RunsPage /> },
  { path: '/runs/:id', element: <RunDetailPage /> },
  { path: '/waits', element: <WaitsPage /> },
  { path: '/workflows', element: <WorkflowsPage /> },
  { path: '/workflows/new', element: <WorkflowEditorPage /> },
  { path: '/workflows/:id', element: <WorkflowEditorPage /> },
  { path: '/test-chat', element: <TestChatPage /> },
  { path: '*', element: <NotFoundPage /> },
];
