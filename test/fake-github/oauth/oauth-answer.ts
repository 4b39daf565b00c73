/** How `POST /login/oauth/access_token` answers, chosen by `Accept` as GitHub chooses it. */
export type OAuthFormat = 'json' | 'xml' | 'form';

export function oauthFormat(accept: string | null): OAuthFormat {
  const wanted = (accept ?? '').toLowerCase();
  if (wanted.includes('application/json')) return 'json';
  if (wanted.includes('application/xml')) return 'xml';
  return 'form';
}

const contentTypes: Record<OAuthFormat, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  form: 'application/x-www-form-urlencoded; charset=utf-8',
};

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function encode(format: OAuthFormat, fields: Record<string, string | number>): string {
  switch (format) {
    case 'json':
      return JSON.stringify(fields);
    case 'xml':
      return `<OAuth>${Object.entries(fields)
        .map(([name, value]) => `<${name}>${escapeXml(String(value))}</${name}>`)
        .join('')}</OAuth>`;
    case 'form':
      return new URLSearchParams(
        Object.entries(fields).map(([name, value]): [string, string] => [name, String(value)]),
      ).toString();
  }
}

/**
 * Tokens and errors alike are answered 200, errors as `error`, `error_description` and
 * `error_uri` fields. `Date` matters: Octokit computes `expiresAt` from it.
 */
export function oauthAnswer(
  format: OAuthFormat,
  fields: Record<string, string | number>,
): Response {
  return new Response(encode(format, fields), {
    status: 200,
    headers: {
      'content-type': contentTypes[format],
      date: new Date().toUTCString(),
      'cache-control': 'no-store',
    },
  });
}

export function htmlAnswer(
  status: number,
  html: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      date: new Date().toUTCString(),
      ...headers,
    },
  });
}

/** A redirect to `uri` with `params` appended (absent values left out), as GitHub sends them. */
export function redirectAnswer(
  uri: string,
  params: Record<string, string | null>,
  headers: Record<string, string> = {},
): Response {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(params))
    if (value !== null) url.searchParams.append(name, value);
  return new Response(null, {
    status: 302,
    headers: { location: url.href, date: new Date().toUTCString(), ...headers },
  });
}
