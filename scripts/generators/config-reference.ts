/**
 * docs/config.md: the reference of every `.github/sluice.yml` setting, generated from the
 * same zod schema the app validates with, so it cannot drift from what Sluice accepts.
 */
import { format, resolveConfig } from 'prettier';
import { stringify } from 'yaml';
import type { Generator } from '../generators.js';
import { configLimits } from '../../src/config/config-limits.js';
import { configSchemaUrl } from '../../src/config/config-urls.js';
import { defaultConfig } from '../../src/config/default-config.js';
import { listConfigFields, type ConfigField } from '../../src/config/list-config-fields.js';
import { parseConfig } from '../../src/config/parse-config.js';
import { defaultCacheTtl } from '../../src/reconcile/repo-cache.js';

const path = 'docs/config.md';
const cacheMinutes = defaultCacheTtl.configMs / 60_000;
const schemaHint = `# yaml-language-server: $schema=${configSchemaUrl}`;

// A realistic small file; generation fails if it stops being valid, so it cannot rot.
const example = `${schemaHint}
_extends: .github
queue:
  label: ready-to-merge
  requiredApprovals: 1
  onPush: retest
checks:
  required: [build, test]
mergeMessage:
  subject: '{title} (#{number})'
  requireConventionalTitle: true
gates:
  rules:
    - step: 'Run cargo fmt*'
      class: fmt
changelog:
  types:
    story: features
`;

export const generator: Generator = {
  path,
  async render() {
    const parsed = parseConfig(example, { path: 'docs/config.md example' });
    if (!parsed.ok)
      throw new Error(`the example in ${path} is invalid: ${JSON.stringify(parsed.errors)}`);
    const markdown = [header(), renderSettings(listConfigFields()), renderDefaults()].join('\n\n');
    const options = (await resolveConfig(path)) ?? {};
    return format(markdown, { ...options, filepath: path });
  },
};

function header(): string {
  return `<!-- Generated from src/config by scripts/generators/config-reference.ts: run \`npm run generate\`, do not edit. -->

# Configuration reference: \`.github/sluice.yml\`

Sluice reads \`.github/sluice.yml\` from the repository's **default branch** only, so a pull request cannot loosen the rules it is judged by. A pull request that edits the file gets its own \`Sluice\` check run that validates the new version.

Every setting is optional: a missing or empty file means the defaults listed below. Unknown keys are errors (with a "did you mean" suggestion), so a typo never silently falls back to a default. When the file is invalid, Sluice merges nothing and puts a failing \`Sluice\` check run on queued pull requests naming the file, line and fix.

## Editor support

The JSON schema in [\`schema/sluice.schema.json\`](../schema/sluice.schema.json) gives completion and checking in any editor that uses the YAML language server (VS Code's YAML extension, Neovim, JetBrains). Make this the first line of the file:

\`\`\`yaml
${schemaHint}
\`\`\`

## Example

\`\`\`yaml
${example}\`\`\`

## Sharing settings between repositories

As in other Probot apps (\`context.config()\`), a repository without its own \`.github/sluice.yml\` uses the one in its owner's \`.github\` repository: for \`acme/widgets\`, \`.github/sluice.yml\` in \`acme/.github\`. Only a missing file falls back: an empty file means the defaults, and a repository with a file of its own ignores the org-wide one (write \`_extends: .github\` to build on it instead). Errors in the org-wide file name it (\`acme/.github:.github/sluice.yml\`); \`sluice config check\` with a token checks it when the repository has no file, and says so.

\`_extends\` names a file to inherit: \`.github\` (the same owner's \`.github\` repository), \`repo\`, \`owner/repo\` (a repository of the same owner), or \`owner/repo:path/to/file.yml\`; without a path, the same path (\`.github/sluice.yml\`) is read there. The org-wide file may use \`_extends\` too. Mappings merge key by key and the repository's own file wins; lists and plain values replace the inherited ones. Errors in an inherited setting name the inherited file.

Sluice reads these files with its installation's token, so it must be installed on the repositories that hold them (an installation on all of the owner's repositories includes \`.github\`); a file it cannot see counts as missing. It keeps what it read for up to ${cacheMinutes} minutes: a push to the repository's own file applies at once, a change to an org-wide or inherited file within ${cacheMinutes} minutes — and before any landing, which reads the config afresh and does not land under one that changed.

## Limits

A config file may be at most ${configLimits.maxBytes / 1024} KB, nest at most ${configLimits.maxDepth} levels, and repeat values through YAML aliases (\`*name\`) at most ${configLimits.maxAliasCount} times, the aliases inside a repeated value counting again each time it is repeated (the \`maxAliasCount\` of the YAML parser, which stops "billion laughs" files). A key may appear once in each mapping: a repeated key is an error at the repetition, naming the line where it was first set. Keys are text, so \`1:\` and \`"1":\` are the same key. YAML 1.2 rules apply whatever a \`%YAML\` directive says: \`yes\`, \`no\`, \`on\` and \`off\` are text, not booleans; merge keys (\`<<\`), custom tags (\`!shout\`), YAML 1.1's \`!!binary\`, \`!!set\` and \`!!timestamp\`, and keys that are not plain text (\`? [a, b]\`) are not supported.`;
}

function renderSettings(fields: ConfigField[]): string {
  const sections = fields.filter((field) => field.kind === 'section');
  const settings = fields.filter((field) => field.kind === 'setting');
  // A setting belongs to its innermost section, so `labels.blocked` stays with `labels`
  // even though `labels.failed` comes between them in the schema.
  const ownerOf = (setting: ConfigField) =>
    sections
      .map((section) => section.keyPath)
      .filter(
        (key) => setting.keyPath.startsWith(`${key}.`) || setting.keyPath.startsWith(`${key}[]`),
      )
      .reduce((longest, key) => (key.length > longest.length ? key : longest), '');
  const tableFor = (owner: string) =>
    renderTable(settings.filter((setting) => ownerOf(setting) === owner));
  const blocks = ['## Settings', tableFor('')];
  for (const section of sections) {
    const title = section.title === undefined ? '' : `: ${section.title}`;
    blocks.push(
      `### \`${section.keyPath}\`${title}`,
      section.description,
      tableFor(section.keyPath),
    );
  }
  return blocks.filter((block) => block !== '').join('\n\n');
}

function renderTable(settings: ConfigField[]): string {
  if (settings.length === 0) return '';
  const rows = settings.map(
    (field) =>
      `| \`${field.keyPath}\` | ${renderType(field)} | ${renderDefault(field)} | ${cell(field.description)} |`,
  );
  return ['| Setting | Type | Default | Description |', '| --- | --- | --- | --- |', ...rows].join(
    '\n',
  );
}

function renderType(field: ConfigField): string {
  if (field.options !== undefined)
    return field.options.map((option) => cell(`\`${option}\``)).join(' \\| ');
  return cell(field.type);
}

function renderDefault(field: ConfigField): string {
  if (field.required) return 'required';
  if (!('default' in field)) return '—';
  const flow = { collectionStyle: 'flow', flowCollectionPadding: false } as const;
  return cell(
    `\`${stringify(field.default, { ...flow, lineWidth: 0, singleQuote: true }).trim()}\``,
  );
}

/** Pipes end a table cell in GitHub Markdown, even inside code spans. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function renderDefaults(): string {
  return `## All defaults

An empty file means exactly this:

\`\`\`yaml
${schemaHint}
${stringify(defaultConfig, { lineWidth: 0, singleQuote: true })}\`\`\``;
}
