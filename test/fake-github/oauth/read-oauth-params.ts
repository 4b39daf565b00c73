/**
 * The parameters of an OAuth request, wherever the client put them: GitHub's docs send them as
 * query parameters, Octokit as a JSON body, curl and browsers as a form. The body wins over the
 * query; empty values count as absent.
 */
export async function readOAuthParams(request: Request): Promise<Record<string, string>> {
  const params: Record<string, string> = {};
  const put = (name: string, value: unknown): void => {
    if ((typeof value === 'string' || typeof value === 'number') && String(value) !== '')
      params[name] = String(value);
  };
  for (const [name, value] of new URL(request.url).searchParams) put(name, value);
  const text = await request.text();
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('json') || text.trimStart().startsWith('{')) {
    for (const [name, value] of Object.entries(parseObject(text))) put(name, value);
  } else {
    for (const [name, value] of new URLSearchParams(text)) put(name, value);
  }
  return params;
}

function parseObject(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    // A body that does not parse carries no parameters; the request fails on what is missing.
    return {};
  }
}

/** The login a browser is signed in as: the stand-in's test session cookie. */
export function sessionLogin(request: Request, cookieName: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === cookieName) return decodeURIComponent(value.join('='));
  }
  return undefined;
}
