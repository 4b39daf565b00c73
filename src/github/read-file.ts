import { readUnlessMissing } from './call-github.js';
import type { RepoContext } from './repo-context.js';

/**
 * A file's text, asked for in the raw media type so files up to 100 MB come back whole (the
 * JSON form stops at 1 MB). Absent files and directories are `undefined`.
 */
export async function readFile(
  ctx: RepoContext,
  input: { repo: string; path: string; ref?: string },
): Promise<string | undefined> {
  const data: unknown = await readUnlessMissing(ctx, 'repos/get-content', async () => {
    const response = await ctx.octokit.rest.repos.getContent({
      owner: ctx.owner,
      repo: input.repo,
      path: input.path,
      ...(input.ref === undefined ? {} : { ref: input.ref }),
      mediaType: { format: 'raw' },
    });
    return response.data;
  });
  if (typeof data === 'string') return data;
  // Octokit hands over an ArrayBuffer when GitHub labels the file as binary.
  if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
  // A directory answers with its JSON listing even in the raw media type.
  return undefined;
}
