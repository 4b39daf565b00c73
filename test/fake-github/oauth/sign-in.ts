type FetchFn = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface SignInOptions {
  /** The stand-in's web root, `gh.url` (not the `/api/v3` base). */
  baseUrl: string;
  clientId: string;
  /** Who signs in: one of the world's users. */
  login: string;
  redirectUri?: string;
  state?: string;
  /** `gh.fetch` for the in-process stand-in; the global `fetch` (over HTTP) by default. */
  fetch?: FetchFn;
}

export interface SignInResult {
  code: string;
  state: string | null;
  /** Where the browser was sent: the callback URL with `code` and `state`. */
  callback: URL;
}

/**
 * Clicks through GitHub's web flow as a browser would, without one: opens the authorize page
 * for `login` and submits its form with Authorize, then reads the code off the redirect. A
 * refusal (an error redirect, an error page) throws with what the stand-in answered.
 */
export async function signInWithGitHub(options: SignInOptions): Promise<SignInResult> {
  const send = options.fetch ?? fetch;
  const authorize = new URL('/login/oauth/authorize', options.baseUrl);
  authorize.searchParams.set('client_id', options.clientId);
  authorize.searchParams.set('login', options.login);
  if (options.redirectUri !== undefined)
    authorize.searchParams.set('redirect_uri', options.redirectUri);
  if (options.state !== undefined) authorize.searchParams.set('state', options.state);
  const shown = await send(authorize, { redirect: 'manual' });
  if (shown.status === 302) return callbackOf(shown);
  const html = await shown.text();
  const request = /name="authorization_request" value="([^"]+)"/.exec(html)?.[1];
  if (shown.status !== 200 || request === undefined)
    throw new Error(`fake-github sign-in: the authorize page answered ${shown.status}:\n${html}`);
  const submitted = await send(new URL('/login/oauth/authorize', options.baseUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      authorization_request: request,
      login: options.login,
      authorize: '1',
    }).toString(),
  });
  return callbackOf(submitted);
}

async function callbackOf(response: Response): Promise<SignInResult> {
  const location = response.headers.get('location');
  if (response.status !== 302 || location === null)
    throw new Error(
      `fake-github sign-in: expected a redirect, got ${response.status}:\n${await response.text()}`,
    );
  const callback = new URL(location);
  const code = callback.searchParams.get('code');
  if (code === null)
    throw new Error(
      `fake-github sign-in: refused with ${callback.searchParams.get('error')}: ${callback.href}`,
    );
  return { code, state: callback.searchParams.get('state'), callback };
}
