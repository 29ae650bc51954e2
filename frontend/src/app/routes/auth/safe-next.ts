/** Where to go after signing in: only a path on this site (never `//evil.example` or a URL). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
