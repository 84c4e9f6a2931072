import { Link, NavLink, useLocation, useNavigate } from 'react-router-dom';
import { useLiveStatus } from '../api/events';
import { authPath } from '../users/returnTo';
import { useSession } from '../users/session';

export function Header() {
  const { user, loading, signOut } = useSession();
  const live = useLiveStatus();
  const navigate = useNavigate();
  const here = useLocation();

  async function handleSignOut() {
    try {
      await signOut();
    } finally {
      navigate('/');
    }
  }

  return (
    <header className="site-header">
      <div className="bar">
        <Link to="/" className="brand">
          Ticketing
        </Link>
        <span className={live ? 'live on' : 'live'} title={live ? 'Live updates on' : 'Live updates off'}>
          {/* Filled or hollow, so that it does not speak by colour alone. */}
          <span aria-hidden="true">{live ? '●' : '○'}</span>
          <span className="visually-hidden">{live ? 'Live updates on' : 'Live updates off'}</span>
        </span>
        <nav aria-label="Main">
          {loading ? null : user ? (
            <ul>
              <li>
                <NavLink to="/tickets/new">Sell Tickets</NavLink>
              </li>
              <li>
                <NavLink to="/sales">Sales</NavLink>
              </li>
              <li>
                <NavLink to="/orders" end>
                  My Orders
                </NavLink>
              </li>
              <li>
                <button type="button" className="link" onClick={handleSignOut}>
                  Sign Out
                </button>
              </li>
            </ul>
          ) : (
            <ul>
              <li>
                <NavLink to={authPath('/signup', here)}>Sign Up</NavLink>
              </li>
              <li>
                <NavLink to={authPath('/signin', here)}>Sign In</NavLink>
              </li>
            </ul>
          )}
        </nav>
      </div>
    </header>
  );
}
