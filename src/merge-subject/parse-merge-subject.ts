import { compileMergeTemplate, matchMergeTemplate } from './match-merge-template.js';
import { DEFAULT_MERGE_TEMPLATE, UNTYPED, validateMergeTemplate } from './merge-template.js';
import { readGenericSubject } from './read-generic-subject.js';
import { readDescription, readTitle } from './read-title.js';
import type { SubjectReading } from './subject-reading.js';
import { SLUICE_TRAILERS, hasBreakingChangeFooter, readTrailers } from './trailers.js';
import type { ParsedSubject } from './types.js';

export interface ParseOptions {
  /** The template the app formats subjects with, when not the default. */
  template?: string | undefined;
}

/**
 * Understands one commit. Sluice's trailers are trusted first; a subject Sluice wrote is
 * read with its template, anything else with every grammar the changelog knows.
 */
export function parseMergeSubject(
  subject: string,
  body?: string,
  options: ParseOptions = {},
): ParsedSubject {
  const newline = subject.indexOf('\n');
  const line = (newline === -1 ? subject : subject.slice(0, newline)).trim();
  const trailers = readTrailers(body);
  const custom = options.template;
  let reading: SubjectReading;
  if (trailers.has(SLUICE_TRAILERS.pr.toLowerCase())) {
    const template = custom ?? DEFAULT_MERGE_TEMPLATE;
    reading = readWithTemplate(line, body, template) ?? readGenericSubject(line, body);
  } else {
    // Not written by Sluice (or the body was lost): the known grammars come first, and a
    // custom template only gets to explain what they could not.
    const generic = readGenericSubject(line, body);
    const plain = generic.format === 'github-squash' || generic.format === 'unrecognised';
    const templated =
      plain && custom !== undefined ? readWithTemplate(line, body, custom) : undefined;
    reading = templated ?? generic;
  }
  applyTrailers(reading, trailers, body);
  return {
    subject: line,
    format: reading.format,
    type: reading.type,
    scope: reading.scope,
    breaking: reading.breaking,
    description: reading.description,
    pr: reading.pr,
    id: reading.id,
    revert: reading.revert,
  };
}

/** Splits a whole commit message and parses it. */
export function parseCommitMessage(message: string, options: ParseOptions = {}): ParsedSubject {
  const newline = message.indexOf('\n');
  if (newline === -1) return parseMergeSubject(message, undefined, options);
  return parseMergeSubject(message.slice(0, newline), message.slice(newline + 1), options);
}

const compiled = new Map<string, RegExp | undefined>();

function readWithTemplate(
  line: string,
  body: string | undefined,
  template: string,
): SubjectReading | undefined {
  if (!compiled.has(template)) {
    const validation = validateMergeTemplate(template);
    compiled.set(template, validation.ok ? compileMergeTemplate(validation.parts) : undefined);
  }
  const pattern = compiled.get(template);
  const match = pattern === undefined ? undefined : matchMergeTemplate(pattern, line);
  if (match === undefined) return undefined;
  const reading =
    match.title !== undefined
      ? readTitle(match.title, body)
      : readDescription(match.description ?? '', body);
  const type = match.type?.toLowerCase();
  return {
    ...reading,
    type: type === undefined ? reading.type : type === UNTYPED ? undefined : type,
    scope: match.scope || reading.scope,
    pr: match.number === undefined ? reading.pr : Number(match.number),
  };
}

/** Overrides what the subject said with what the trailers say, in place (a fresh reading). */
function applyTrailers(
  reading: SubjectReading,
  trailers: ReadonlyMap<string, string>,
  body: string | undefined,
): void {
  if (!reading.breaking && hasBreakingChangeFooter(body)) reading.breaking = true;
  if (trailers.size === 0) return;
  const pr = trailers.get(SLUICE_TRAILERS.pr.toLowerCase());
  const type = trailers.get(SLUICE_TRAILERS.type.toLowerCase())?.toLowerCase();
  const scope = trailers.get(SLUICE_TRAILERS.scope.toLowerCase());
  const breaking = trailers.get(SLUICE_TRAILERS.breaking.toLowerCase());
  if (pr !== undefined && /^\d+$/.test(pr)) reading.pr = Number(pr);
  if (type !== undefined && /^[a-z][a-z0-9-]*$/.test(type)) reading.type = type;
  if (scope !== undefined && scope !== '') reading.scope = scope;
  if (breaking?.toLowerCase() === 'true') reading.breaking = true;
}
