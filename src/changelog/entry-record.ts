import { parseCommitMessage } from '../merge-subject/index.js';
import { classifyEntry } from './classify-entry.js';
import type { ChangelogConfig, ChangelogEntry } from './types.js';

/**
 * The JSON form of an entry: one line of `sluice changelog parse`, one element of the
 * Action's `entries` output. Field names are part of the public interface.
 */
export interface EntryRecord {
  sha: string;
  subject: string;
  type: string | null;
  scope: string | null;
  breaking: boolean;
  description: string;
  pr: number | null;
  id: string | null;
  section: string | null;
  ignored: boolean;
  /** `listed`, `hidden` (type), `ignored` (housekeeping) or `cancelled` (by a revert). */
  status: ChangelogEntry['status']['kind'];
  name: string;
  ref: string;
}

export function toEntryRecord(entry: ChangelogEntry): EntryRecord {
  const { parsed, status } = entry;
  return {
    sha: entry.sha,
    subject: parsed.subject,
    type: parsed.type ?? null,
    scope: parsed.scope ?? null,
    breaking: parsed.breaking,
    description: parsed.description,
    pr: parsed.pr ?? null,
    id: parsed.id ?? null,
    section: status.kind === 'listed' ? status.section : null,
    ignored: status.kind !== 'listed',
    status: status.kind,
    name: entry.name,
    ref: entry.ref,
  };
}

/** The fields `sluice changelog parse` prints for one subject. */
export type ParseRecord = Pick<
  EntryRecord,
  'subject' | 'type' | 'scope' | 'breaking' | 'description' | 'pr' | 'id' | 'section' | 'ignored'
>;

export function toParseRecord(entry: ChangelogEntry): ParseRecord {
  const { subject, type, scope, breaking, description, pr, id, section, ignored } =
    toEntryRecord(entry);
  return { subject, type, scope, breaking, description, pr, id, section, ignored };
}

/** One message as `sluice changelog parse` reports it: parsed and classified, alone. */
export function describeMessage(message: string, config: ChangelogConfig): ParseRecord {
  const parsed = parseCommitMessage(message, { template: config.template });
  const { status } = classifyEntry('', parsed, config);
  return toParseRecord({ sha: '', parsed, status, name: '', ref: '', anchor: '' });
}
