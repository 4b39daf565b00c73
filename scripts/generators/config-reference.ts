/**
 * docs/config.md: the reference of every `.github/sluice.yml` setting, generated from the
 * same zod schema the app validates with, so it cannot drift from what Sluice accepts.
 */
import { dump } from 'js-yaml';
import { format, resolveConfig } from 'prettier';
import type { Generator } from '../generators.js';
import { configLimits } from '../../src/config/config-limits.js';
import { configSchemaUrl } from '../../src/config/config-urls.js';
import { defaultConfig } from '../../src/config/default-config.js';
import { listConfigFields, type ConfigField } from '../../src/config/list-config-fields.js';
import { parseConfig } from '../../src/config/parse-config.js';

const path = 'docs/config.md';
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

As in other Probot apps, \`_extends\` names a file to inherit: \`.github\` (the same owner's \`.github\` repository), \`repo\`, \`owner/repo\`, or \`owner/repo:path/to/file.yml\`; without a path, the same path (\`.github/sluice.yml\`) is read there. Mappings merge key by key and the repository's own file wins; lists and plain values replace the inherited ones. Errors in an inherited setting name the inherited file.

## Limits

A config file may be at most ${configLimits.maxBytes / 1024} KB, nest at most ${configLimits.maxDepth} levels, and expand to at most ${configLimits.maxExpandedValues.toLocaleString('en-US')} values through YAML aliases. YAML 1.2 rules apply: \`yes\`, \`no\`, \`on\` and \`off\` are text, not booleans; merge keys (\`<<\`) and custom tags are not supported.`;
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
  return cell(`\`${dump(field.default, { flowLevel: 0, lineWidth: -1 }).trim()}\``);
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
${dump(defaultConfig, { lineWidth: -1 })}\`\`\``;
}
