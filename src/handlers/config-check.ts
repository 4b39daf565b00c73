import type { SluiceRuntime } from '../runtime/sluice-runtime.js';
import { configPath, loadConfigText } from '../reconcile/load-config.js';
import { renderConfigErrors } from '../messages/index.js';
import { inlineCode } from '../messages/markdown.js';

export const configCheckName = 'Sluice config';

/**
 * A PR that edits `.github/sluice.yml` cannot change its own gate (config is read from the
 * default branch), but its author deserves to know now whether the new file is valid: a
 * `Sluice config` check run on the PR head, with the errors at their lines.
 */
export async function checkPullConfig(
  runtime: SluiceRuntime,
  input: { repo: string; number: number; headSha: string; defaultBranch: string },
): Promise<void> {
  const deps = await runtime.deps(input.repo);
  const proposed = await deps.github.readFile(configPath, input.headSha);
  if (proposed === undefined) return;
  const current = await deps.github.readFile(configPath, input.defaultBranch);
  if (proposed === current) return;
  const result = await loadConfigText(deps.github, proposed);
  const annotatePath = `${input.repo}:${configPath}`;
  if (result.ok) {
    // Probot's rule: a file of the repository's own replaces the org-wide one, not adds to it.
    const orgWide =
      current === undefined
        ? (await loadConfigText(deps.github, undefined)).appliedPath
        : undefined;
    const replacing =
      orgWide === undefined
        ? ''
        : ` Until then the org-wide ${inlineCode(orgWide)} applies here. This file replaces it: to keep the org-wide settings and change only some, add ${inlineCode('_extends: .github')}.`;
    await deps.github.writeCheckRun({
      name: configCheckName,
      headSha: input.headSha,
      status: 'completed',
      conclusion: 'success',
      output: {
        title: 'The proposed .github/sluice.yml is valid',
        summary: `Once merged to the default branch, Sluice uses it for every queue of this repository.${replacing}`,
      },
    });
    return;
  }
  const rendered = renderConfigErrors(result.errors, { context: 'pull-request', annotatePath });
  await deps.github.writeCheckRun({
    name: configCheckName,
    headSha: input.headSha,
    status: 'completed',
    conclusion: 'failure',
    output: {
      title: rendered.title,
      summary: rendered.summary,
      annotations: rendered.annotations.slice(0, 50).map((a) => ({ ...a, path: configPath })),
    },
  });
}
