import { signIn } from '../../api/session';

/**
 * Signs in from a `#token=<jwt>` link (printed by `npm start`); the fragment never reaches a server.
 * The token is removed from the address bar at once.
 */
export function takeTokenFromFragment(): void {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (!match?.[1]) return;
  signIn(decodeURIComponent(match[1]));
  history.replaceState(null, '', location.pathname + location.search);
}
