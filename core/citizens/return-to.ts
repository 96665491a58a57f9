/**
 * Where to send a person after signing in: a path on this site, never another origin. Anything but
 * a path starting with exactly one `/` (no `//`, no backslash, no control character, nothing that
 * normalises to `//…`) becomes `/`, so the sign-in cannot be used as an open redirect.
 */
export function safeReturnTo(input: string | null | undefined): string {
  if (!input || input.length > 2000) return '/';
  // Browsers drop tabs and newlines and read `\` as `/`, so `/\evil` and `/\t/evil` are `//evil`.
  if (!input.startsWith('/') || input.includes('\\') || [...input].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) return '/';
  const base = 'http://return-to.invalid';
  let url: URL;
  try {
    url = new URL(input, base);
  } catch {
    return '/';
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (url.origin !== base || path.startsWith('//')) return '/';
  return path;
}
