import { describe, expect, it } from '@jest/globals';
import { parseCommand } from '../../../src/handlers/parse-command.js';

describe('parseCommand', () => {
  it.each([
    ['/sluice queue', { kind: 'request', command: 'queue' }],
    ['Looks good.\n  /Sluice  DEQUEUE  ', { kind: 'request', command: 'dequeue' }],
    ['/sluice retry\r\nthanks', { kind: 'request', command: 'retry' }],
    ['/sluice help', { kind: 'help' }],
    ['/sluice queue --priority high', { kind: 'request', command: 'queue', priority: 'high' }],
    ['/sluice queue --priority=Low', { kind: 'request', command: 'queue', priority: 'low' }],
    ['/sluice queue --PRIORITY normal', { kind: 'request', command: 'queue', priority: 'normal' }],
  ])('reads %j', (body, expected) => {
    expect(parseCommand(body)).toEqual(expected);
  });

  it.each([
    ['a mention mid-text', 'Try /sluice qeue later'],
    ['a quoted line', '> /sluice qeue\nWhy did you write that?'],
    ['a word that only starts like it', '/sluiced queue'],
    ['no command at all', 'LGTM'],
  ])('ignores %s', (_name, body) => {
    expect(parseCommand(body)).toBeUndefined();
  });

  it.each([
    ['qeue', '/sluice queue'],
    ['deqeue', '/sluice dequeue'],
    ['rerty', '/sluice retry'],
    ['hlep', '/sluice help'],
    ['queue please', '/sluice queue'],
    ['dequeue --priority high', '/sluice dequeue'],
    ['queue --priority hihg', '/sluice queue --priority high'],
    ['queue --priority', '/sluice queue'],
    ['queue --priority high now', '/sluice queue'],
  ])('answers `/sluice %s` with the closest command', (written, suggestion) => {
    expect(parseCommand(`/sluice ${written}`)).toEqual({ kind: 'unknown', written, suggestion });
  });

  it.each([
    ['deploy', 'deploy'],
    ['queue --priority urgent', 'queue --priority urgent'],
    ['', ''],
  ])('answers `/sluice %s` with no guess when nothing is close', (line, written) => {
    expect(parseCommand(`/sluice ${line}`)).toEqual({ kind: 'unknown', written, suggestion: null });
  });

  it('acts on a command anywhere in the comment, over a mistyped one before it', () => {
    expect(parseCommand('/sluice qeue\n/sluice queue')).toEqual({
      kind: 'request',
      command: 'queue',
    });
  });

  it('answers the first of several mistyped commands', () => {
    expect(parseCommand('/sluice qeue\n/sluice hlep')).toMatchObject({ written: 'qeue' });
  });

  it('does not answer a mistyped command shown in a fenced code block', () => {
    expect(parseCommand('Output:\n```\n/sluice qeue\n```\ndone')).toBeUndefined();
    expect(parseCommand('```\nexample\n```\n/sluice qeue')).toMatchObject({ kind: 'unknown' });
  });
});
