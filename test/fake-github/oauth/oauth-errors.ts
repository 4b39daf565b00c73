/**
 * GitHub's OAuth error vocabulary, worded as its docs show it ("Troubleshooting authorization
 * request errors" and "Troubleshooting OAuth app access token request errors").
 */
export type TokenErrorCode =
  | 'incorrect_client_credentials'
  | 'redirect_uri_mismatch'
  | 'bad_verification_code'
  | 'bad_refresh_token'
  | 'unsupported_grant_type';

export type AuthorizeErrorCode = 'redirect_uri_mismatch' | 'access_denied';

export type OAuthErrorFields = {
  error: string;
  error_description: string;
  error_uri: string;
};

const tokenDocs =
  'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/';
const authorizeDocs =
  'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-authorization-request-errors/';

const tokenErrors: Record<TokenErrorCode, [description: string, uri: string]> = {
  incorrect_client_credentials: [
    'The client_id and/or client_secret passed are incorrect.',
    `${tokenDocs}#incorrect-client-credentials`,
  ],
  redirect_uri_mismatch: [
    'The redirect_uri MUST match the registered callback URL for this application.',
    `${authorizeDocs}#redirect-uri-mismatch2`,
  ],
  bad_verification_code: [
    'The code passed is incorrect or expired.',
    `${tokenDocs}#bad-verification-code`,
  ],
  // verify: not in the troubleshooting page; the words GitHub answers a spent refresh token with.
  bad_refresh_token: [
    'The refresh token passed is incorrect or expired.',
    `${tokenDocs}#bad-refresh-token`,
  ],
  // verify: documented for the device flow's grant type only.
  unsupported_grant_type: [
    'The grant type is not supported.',
    `${tokenDocs}#unsupported-grant-type`,
  ],
};

const authorizeErrors: Record<AuthorizeErrorCode, [description: string, uri: string]> = {
  redirect_uri_mismatch: [
    'The redirect_uri MUST match the registered callback URL for this application.',
    `${authorizeDocs}#redirect-uri-mismatch`,
  ],
  access_denied: ['The user has denied your application access.', `${authorizeDocs}#access-denied`],
};

export function tokenError(code: TokenErrorCode): OAuthErrorFields {
  const [description, uri] = tokenErrors[code];
  return { error: code, error_description: description, error_uri: uri };
}

export function authorizeError(code: AuthorizeErrorCode): OAuthErrorFields {
  const [description, uri] = authorizeErrors[code];
  return { error: code, error_description: description, error_uri: uri };
}
