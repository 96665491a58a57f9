/**
 * A minimal browser for tests over real HTTP: a cookie jar (name, path, expiry) and redirects
 * followed by hand, so each hop can be inspected. Used by the portal sign-in tests; other portal
 * tests may sign in through the simulator with `signInThroughSimulator`.
 */

interface StoredCookie {
  value: string;
  path: string;
  expires: number | null;
}

/** One hop of a redirect chain. */
export interface Hop {
  url: string;
  status: number;
  location: string | null;
}

export class TestAgent {
  readonly cookies = new Map<string, StoredCookie>();

  constructor(readonly base: string) {}

  /** The cookie value sent for `path` now, if any. */
  cookie(name: string, path = '/'): string | undefined {
    const c = this.cookies.get(name);
    if (!c || (c.expires !== null && c.expires <= Date.now()) || !path.startsWith(c.path)) return undefined;
    return c.value;
  }

  /** One request (no redirect followed), sending and storing cookies. */
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url, this.base);
    const header = [...this.cookies.keys()]
      .map((name) => [name, this.cookie(name, target.pathname)] as const)
      .filter(([, v]) => v !== undefined)
      .map(([name, v]) => `${name}=${v}`)
      .join('; ');
    const headers = new Headers(init.headers);
    if (header) headers.set('cookie', header);
    const res = await fetch(target, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) this.store(line);
    return res;
  }

  /** Follows redirects (as a browser: 301/302/303 become GET) until a non-redirect answer; answers it and the chain. */
  async follow(url: string, init: RequestInit = {}, max = 12): Promise<{ res: Response; url: string; hops: Hop[] }> {
    const hops: Hop[] = [];
    let current = new URL(url, this.base).href;
    let req = init;
    for (let i = 0; i < max; i++) {
      const res = await this.request(current, req);
      const location = res.headers.get('location');
      hops.push({ url: current, status: res.status, location });
      if (res.status < 300 || res.status >= 400 || !location) return { res, url: current, hops };
      await res.arrayBuffer();
      current = new URL(location, current).href;
      req = {};
    }
    throw new Error(`more than ${max} redirects: ${hops.map((h) => h.url).join(' → ')}`);
  }

  private store(line: string): void {
    const [pair = '', ...attrs] = line.split(';').map((s) => s.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    let path = '/';
    let expires: number | null = null;
    for (const a of attrs) {
      const [k = '', v = ''] = a.split('=');
      const key = k.toLowerCase();
      if (key === 'path') path = v;
      else if (key === 'max-age') expires = Date.now() + Number(v) * 1000;
      else if (key === 'expires' && expires === null) expires = Date.parse(v);
    }
    if (expires !== null && expires <= Date.now()) this.cookies.delete(name);
    else this.cookies.set(name, { value, path, expires });
  }
}

/** The picker form's action and the demo identities' subjects offered on the simulator page. */
export function parsePicker(html: string): { action: string; subs: string[] } {
  const action = /<form method="post" action="([^"]+\/login)"/.exec(html)?.[1];
  if (!action) throw new Error('no identity picker on the page');
  return { action: action.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))), subs: [...html.matchAll(/name="sub" value="([^"]+)"/g)].map((m) => m[1] as string) };
}

/**
 * Signs in through the portal's OIDC flow and the simulator as the demo identity `sub`: answers the
 * final page's response and URL (the returnTo page) with the portal cookie in the agent's jar.
 */
export async function signInThroughSimulator(agent: TestAgent, sub: string, returnTo = '/'): Promise<{ res: Response; url: string; hops: Hop[] }> {
  const toPicker = await agent.follow(`/api/v1/portal/auth/login?${new URLSearchParams({ returnTo })}`);
  if (toPicker.res.status !== 200) throw new Error(`simulator page: ${toPicker.res.status} ${await toPicker.res.text()}`);
  const { action } = parsePicker(await toPicker.res.text());
  const done = await agent.follow(action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ sub }).toString() });
  return { ...done, hops: [...toPicker.hops, ...done.hops] };
}
