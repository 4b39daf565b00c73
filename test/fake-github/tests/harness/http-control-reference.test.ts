import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { controlCommands } from '../../control/http-control.js';
import { handlers } from '../../handlers/index.js';
import { KNOWN_SPEC_BUGS } from '../../spec/known-spec-bugs.js';

const docsFile = resolve(import.meta.dirname, '../../../../docs/local-github.md');
const commands = Object.entries(controlCommands);

/** docs/local-github.md is the control plane's reference: these keep it and the code in step. */
describe('the control plane reference', () => {
  let docs: string;
  beforeAll(async () => {
    docs = await readFile(docsFile, 'utf8');
  });

  it.each(commands)('`%s` has an example its own schema accepts', (_, command) => {
    expect(command.input.safeParse(command.example).error).toBeUndefined();
  });

  it('shows every command in the docs with its registered example', () => {
    const missing = commands
      .filter(([name, c]) => !docs.includes(`$CONTROL/${name} -d '${JSON.stringify(c.example)}'`))
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('names no command in the docs that the control plane lacks', () => {
    const named = [...docs.matchAll(/\$CONTROL\/([a-z-]+)/g)].map((match) => match[1]!);
    expect(named.filter((name) => !Object.hasOwn(controlCommands, name))).toEqual([]);
  });

  it('lists every REST operation the stand-in implements', () => {
    const missing = Object.keys(handlers).filter((op) => !docs.includes(`\`${op}\``));
    expect(missing).toEqual([]);
  });

  it('links every known spec bug to its upstream issue', () => {
    const missing = KNOWN_SPEC_BUGS.map((bug) => bug.issue).filter((url) => !docs.includes(url));
    expect(missing).toEqual([]);
  });
});
