import { useEffect } from 'react';
import { Link, Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { setUnauthorizedHandler } from '../lib/api/client';
import { may } from '../lib/authorization';
import { session } from '../lib/session';

/** The signed-in frame: header, navigation, "Sign out"; a 401 anywhere returns to sign-in and then here. */
export function Layout() {
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const user = session.user();
  const here = location.pathname + location.search;

  useEffect(() => {
    setUnauthorizedHandler(() => {
      // the other requests of the page answer 401 too: the first one decides where to come back to
      if (window.location.pathname === '/login') return;
      queryClient.clear();
      void navigate(`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}&expired=1`, {
        replace: true,
      });
    });
  }, [navigate, queryClient]);

  if (!session.token() || !user) {
    return <Navigate to={`/login?next=${encodeURIComponent(here)}`} replace />;
  }

  const signOut = () => {
    session.clear();
    queryClient.clear();
    void navigate('/login');
  };

  return (
    <div className="shell">
      <header className="topbar">
        <Link to="/malls" className="brand">
          Spatial Intel Video
        </Link>
        <nav aria-label="Main">
          <NavLink to="/malls">Malls</NavLink>
          {may('administer', user.role) && (
            <NavLink to="/admin" end>
              Admin
            </NavLink>
          )}
          {may('administer', user.role) && <NavLink to="/admin/audit">Audit log</NavLink>}
          <NavLink to="/evidence/verify">Verify a package</NavLink>
          <NavLink to="/account">Account</NavLink>
        </nav>
        <div className="who">
          <span>
            {user.email} <span className="role">{user.role.toLowerCase()}</span>
          </span>
          <button type="button" className="secondary" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main className="content">
        <Outlet />
      </main>
    </div>
  );
}
