import { afterAll, describe, expect, it } from '@jest/globals';
import type { TitleLookup } from '../../../src/changelog/index.js';
import { renderReleaseNotes } from '../../../src/changelog/index.js';
import { runHistory } from './support/run-history.js';
import { removeTempDirs } from './support/build-repository.js';

afterAll(removeTempDirs);

/** The TitleLookup port in memory: titles by number, and a record of what was asked. */
function fakeTitles(titles: Record<number, string>, failing: number[] = []) {
  const asked: number[] = [];
  const lookup: TitleLookup = {
    titleOf(number) {
      asked.push(number);
      if (failing.includes(number)) return Promise.reject(new Error('HTTP 502'));
      return Promise.resolve(titles[number]);
    },
  };
  return { lookup, asked };
}

describe('naming bare ids through the TitleLookup port', () => {
  it('names a bare id from its title, taking the type from the title too', async () => {
    const { lookup, asked } = fakeTitles({ 306: 'feat(export): PDF export' });
    const { result, config } = await runHistory('bot-merges', lookup);
    expect(asked).toEqual([306]);
    expect(renderReleaseNotes(result.entries, config)).toContain(
      '### Features\n\n- Add password reset (#301)\n- PDF export (#306)\n- Refunds (PAY-17)\n',
    );
    expect(result.warnings.map((w) => w.kind)).toEqual(['unknown-type']);
  });

  it('keeps (#id) and warns when the title cannot be had', async () => {
    const missing = await runHistory('bot-merges', fakeTitles({}).lookup);
    expect(missing.result.warnings).toContainEqual({
      kind: 'title-lookup-failed',
      ref: '#306',
      reason: 'not found',
    });
    const failing = await runHistory('bot-merges', fakeTitles({}, [306]).lookup);
    expect(failing.result.warnings).toContainEqual({
      kind: 'title-lookup-failed',
      ref: '#306',
      reason: 'HTTP 502',
    });
    expect(renderReleaseNotes(failing.result.entries, failing.config)).toContain('- (#306)\n');
  });

  it('asks only for bare ids', async () => {
    const { lookup, asked } = fakeTitles({});
    await runHistory('conventional', lookup);
    expect(asked).toEqual([]);
  });
});
