import { createBrowserRouter, Navigate } from 'react-router';
import { ChangePasswordPage } from '../features/accounts/ChangePasswordPage';
import { AuditPage } from '../features/audit/AuditPage';
import { VerifyPage } from '../features/evidence/VerifyPage';
import { LoginPage } from '../features/auth/LoginPage';
import { MallPage } from '../features/malls/MallPage';
import { MallsPage } from '../features/malls/MallsPage';
import { AdminRoute } from './admin-routes';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { MallExportsRoute, MallTimelineRoute } from './mall-routes';
import { PinTimelineRoute, PinUploadRoute, PinVideosRoute, VideoRoute } from './pin-routes';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/malls" replace /> },
      { path: '/malls', element: <MallsPage /> },
      { path: '/malls/:mallId', element: <MallPage /> },
      { path: '/malls/:mallId/pins/:pinId/videos', element: <PinVideosRoute /> },
      { path: '/malls/:mallId/pins/:pinId/upload', element: <PinUploadRoute /> },
      { path: '/malls/:mallId/pins/:pinId/timeline', element: <PinTimelineRoute /> },
      { path: '/malls/:mallId/timeline', element: <MallTimelineRoute /> },
      { path: '/malls/:mallId/exports', element: <MallExportsRoute /> },
      { path: '/evidence/verify', element: <VerifyPage /> },
      { path: '/videos/:videoId', element: <VideoRoute /> },
      { path: '/admin', element: <AdminRoute /> },
      { path: '/admin/audit', element: <AuditPage /> },
      { path: '/account', element: <ChangePasswordPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
