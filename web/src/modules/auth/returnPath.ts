/**
 * Where the login page sends the user afterwards. The route guard keeps the page the user wanted
 * in the router's state (never in the address, where it would end up in logs and history); only
 * a path inside the app is accepted.
 */
export interface LoginLocationState {
  from: string;
}

export function loginState(pathname: string, search: string, hash: string): LoginLocationState {
  return { from: pathname + search + hash };
}

export function returnPath(state: unknown): string {
  if (typeof state !== 'object' || state === null || !('from' in state)) return '/';
  const { from } = state;
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//')) return '/';
  if (from.includes('\\') || from === '/login' || from.startsWith('/login?')) return '/';
  return from;
}
