// Routes between the signed-out screens and the workspace, redirecting as the session changes.
import { useEffect } from 'preact/hooks';
import { AcceptInvitePage } from './pages/AcceptInvitePage';
import { LoginPage } from './pages/LoginPage';
import { RegisterPage } from './pages/RegisterPage';
import { WorkspacePage } from './pages/WorkspacePage';
import { navigate, useRoute } from './router';
import { useSession } from './session';
import { strings } from './strings';

/** The console. */
export function App() {
  const route = useRoute();
  const { agent } = useSession();
  const signedOutRoute = route.name === 'login' || route.name === 'register';
  // An invitation link works whoever is signed in on this browser: accepting it switches the session.
  const inviteRoute = route.name === 'acceptInvite';

  useEffect(() => {
    if (inviteRoute) return;
    if (agent === null && !signedOutRoute) navigate('/login', { replace: true });
    else if (agent && (signedOutRoute || route.name === 'notFound')) navigate('/', { replace: true });
  }, [agent, signedOutRoute, inviteRoute, route.name]);

  if (route.name === 'acceptInvite') return <AcceptInvitePage token={route.token} />;
  if (agent === undefined) return <main class="splash muted">{strings.loading}</main>;
  if (!agent) return route.name === 'register' ? <RegisterPage /> : <LoginPage />;
  return <WorkspacePage agent={agent} route={route} />;
}
