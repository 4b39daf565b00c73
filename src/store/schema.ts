import type { ColumnType, Generated } from 'kysely';

/**
 * Table shapes as Kysely sees them. Times are written as ISO-8601 text: PostgreSQL reads
 * them into `timestamptz` and returns Date, SQLite keeps the text (which sorts in time
 * order). JSON is written as text: `jsonb` on PostgreSQL returns it parsed, SQLite does not.
 * codec.ts turns both back into domain values.
 */
type Time = ColumnType<Date | string, string, string>;
type NullableTime = ColumnType<Date | string | null, string | null, string | null>;
type JsonText = ColumnType<unknown, string, string>;
type NullableJsonText = ColumnType<unknown, string | null, string | null>;

export interface StoreSchema {
  queue_counter: { repo: string; base: string; last_sequence: number };
  queue_entry: {
    id: Generated<number>;
    repo: string;
    base: string;
    number: number;
    sequence: number;
    priority: ColumnType<string, string | undefined, string>;
    priority_label: ColumnType<string | null, string | null | undefined, string | null>;
    head_sha: string;
    queued_by: string;
    queued_at: Time;
    state: string;
    consecutive_failures: number;
    retry_count: number;
    last_failure_class: string | null;
    end_reason: string | null;
    updated_at: Time;
  };
  entry_event: {
    id: Generated<number>;
    entry_id: number;
    at: Time;
    kind: string;
    detail: JsonText;
  };
  staging_record: {
    id: Generated<number>;
    repo: string;
    base: string;
    base_sha: string;
    ref: string;
    position: number | null;
    probe: Generated<number>;
    commit_sha: string | null;
    tree_sha: string | null;
    state: string;
    checks_start_deadline: NullableTime;
    failure: NullableJsonText;
    verdicts: NullableJsonText;
    created_at: Time;
    updated_at: Time;
  };
  staging_pr: {
    staging_id: number;
    position: number;
    entry_id: number;
    number: number;
    head_sha: string;
    commit_sha: string | null;
  };
  attempt: {
    id: Generated<number>;
    entry_id: number;
    staging_id: number;
    started_at: Time;
    finished_at: NullableTime;
    outcome: string;
    failure_class: string | null;
    evidence: JsonText;
  };
  rerun: { id: Generated<number>; attempt_id: number; entry_id: number; repo: string; at: Time };
  mutation_journal: {
    id: Generated<number>;
    repo: string;
    kind: string;
    target: string;
    expected_old: string | null;
    new_value: string | null;
    idempotency_key: string;
    entry_id: number | null;
    staging_id: number | null;
    status: string;
    result: JsonText;
    created_at: Time;
    finished_at: NullableTime;
  };
  webhook_delivery: { id: string; received_at: Time };
  lease: {
    name: string;
    holder: string;
    expires_at: Time;
    generation: ColumnType<number, number | undefined, number>;
    run_again: ColumnType<number, number | undefined, number>;
  };
  queue_command: {
    id: Generated<number>;
    repo: string;
    base: string;
    number: number;
    kind: string;
    priority: ColumnType<string | null, string | null | undefined, string | null>;
    requested_by: string;
    source: string;
    requested_at: Time;
    consumed_at: NullableTime;
  };
  pr_check_run: {
    repo: string;
    number: number;
    head_sha: string;
    check_run_id: number;
    node_id: ColumnType<string | null, string | null | undefined, string | null>;
    fingerprint: string;
    updated_at: Time;
  };
  gate_verdict: {
    staging_id: number;
    check_run_id: string;
    check_name: string;
    class: string;
    verdict: JsonText;
    rerun_at: NullableTime;
    created_at: Time;
  };
  flake_stat: {
    repo: string;
    job: string;
    signature: string;
    count: number;
    last_seen_at: Time;
    last_sha: string;
  };
  queue_pause: {
    repo: string;
    base: string;
    reason: string;
    paused_by: string;
    paused_at: Time;
  };
  queue_event: {
    id: Generated<number>;
    repo: string;
    base: string;
    at: Time;
    kind: string;
    actor: string | null;
    detail: JsonText;
  };
}
