/**
 * Slices a list the way GitHub pages it (`per_page` ≤ 100, default 30, `page` from 1) and
 * builds the `Link` header, so `octokit.paginate` walks it exactly as it walks GitHub.
 */
export interface Page<T> {
  items: T[];
  link: string | undefined;
}

export function paginate<T>(all: T[], query: Record<string, unknown>, requestUrl: URL): Page<T> {
  const perPage = Math.min(Math.max(Number(query.per_page ?? 30) || 30, 1), 100);
  const page = Math.max(Number(query.page ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(all.length / perPage), 1);
  const items = all.slice((page - 1) * perPage, page * perPage);
  const rel = (n: number, name: string): string => {
    const url = new URL(requestUrl);
    url.searchParams.set('per_page', String(perPage));
    url.searchParams.set('page', String(n));
    return `<${url.href}>; rel="${name}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(rel(page - 1, 'prev'), rel(1, 'first'));
  if (page < last) links.push(rel(page + 1, 'next'), rel(last, 'last'));
  return { items, link: links.length > 0 ? links.join(', ') : undefined };
}
