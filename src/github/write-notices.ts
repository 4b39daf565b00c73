import type {
  CheckRunWrite,
  CheckRunWriteResult,
  NoticeBatchResult,
  NoticeBatchWrite,
  NoticeWrite,
} from './port.js';
import { noticeWriteOutcome } from './notice-write-outcome.js';
import type { RepoContext } from './repo-context.js';
import { writeOnce } from './repo-context.js';
import { withOperation } from './request-operation.js';
import type { GraphqlErrorEntry } from './read-graphql.js';

/** GitHub's GraphQL enums are REST's words in capitals (`in_progress` → `IN_PROGRESS`). */
const enumOf = (word: string) => word.toUpperCase();

function outputOf({ output }: CheckRunWrite) {
  const annotations = output.annotations ?? [];
  return {
    title: output.title,
    summary: output.summary,
    ...(output.text === undefined ? {} : { text: output.text }),
    ...(annotations.length === 0
      ? {}
      : {
          annotations: annotations.map((a) => ({
            path: a.path,
            location: { startLine: a.start_line, endLine: a.end_line },
            annotationLevel: enumOf(a.annotation_level),
            message: a.message,
            ...(a.title === undefined ? {} : { title: a.title }),
          })),
        }),
  };
}

type CheckRunBatchWrite = Extract<NoticeBatchWrite, { kind: 'check-run' }>;

function checkRunInput(repositoryId: string, { check, run }: CheckRunBatchWrite) {
  return {
    repositoryId,
    ...(run === undefined ? { headSha: check.headSha } : { checkRunId: run.nodeId }),
    name: check.name,
    status: enumOf(check.status),
    ...(check.conclusion === undefined ? {} : { conclusion: enumOf(check.conclusion) }),
    ...(check.actions === undefined ? {} : { actions: check.actions }),
    ...(check.detailsUrl === undefined ? {} : { detailsUrl: check.detailsUrl }),
    ...(check.externalId === undefined ? {} : { externalId: check.externalId }),
    output: outputOf(check),
  };
}

function inputOf(repositoryId: string, write: NoticeBatchWrite) {
  return write.kind === 'check-run'
    ? checkRunInput(repositoryId, write)
    : { labelableId: write.pullId, labelIds: [write.labelId] };
}

/** The mutation and its input type for each kind of write. */
function mutationOf(write: NoticeBatchWrite): { field: string; input: string; answer: string } {
  if (write.kind === 'remove-label')
    return {
      field: 'removeLabelsFromLabelable',
      input: 'RemoveLabelsFromLabelableInput',
      answer: 'clientMutationId',
    };
  return write.run
    ? {
        field: 'updateCheckRun',
        input: 'UpdateCheckRunInput',
        answer: 'checkRun { id databaseId }',
      }
    : {
        field: 'createCheckRun',
        input: 'CreateCheckRunInput',
        answer: 'checkRun { id databaseId }',
      };
}

/** One aliased field per write (`w0`, `w1`, …), each with its input in a variable of that name. */
function documentOf(writes: readonly NoticeBatchWrite[]): string {
  const mutations = writes.map(mutationOf);
  const declared = mutations.map((m, i) => `$w${i}: ${m.input}!`);
  const fields = mutations.map((m, i) => `w${i}: ${m.field}(input: $w${i}) { ${m.answer} }`);
  return `mutation SluiceWriteNotices(${declared.join(', ')}) {\n  ${fields.join('\n  ')}\n}`;
}

interface WrittenRun {
  checkRun?: { id?: unknown; databaseId?: unknown } | null;
}

type Answer = Record<string, WrittenRun | null | undefined>;

/**
 * Check-run creates and updates and label removals in one GraphQL request (`createCheckRun`,
 * `updateCheckRun`, `removeLabelsFromLabelable`, aliased): GitHub runs a document's mutations
 * one after another, so they apply in order, and answers each on its own. Sent once, like
 * every notice: a 5xx leaves every write unknown.
 */
export async function writeNotices(
  ctx: RepoContext,
  repositoryId: string,
  writes: readonly NoticeBatchWrite[],
): Promise<NoticeBatchResult> {
  if (writes.length === 0) return { kind: 'answered', results: [] };
  const variables = Object.fromEntries(writes.map((w, i) => [`w${i}`, inputOf(repositoryId, w)]));
  try {
    const data = await withOperation('graphql SluiceWriteNotices', () =>
      ctx.octokit.graphql<Answer>(documentOf(writes), { ...variables, request: writeOnce }),
    );
    return {
      kind: 'answered',
      results: writes.map((w, i) => resultOf(w, `w${i}`, data[`w${i}`], [])),
    };
  } catch (error) {
    const outcome = batchOutcome(writes, error);
    ctx.log?.debug({ writes: writes.length, outcome: outcome.kind }, 'notice batch failed');
    return outcome;
  }
}

/** The errors and data of a GraphQL answer, as Octokit or its throttling plugin throws it. */
function graphqlAnswerOf(
  error: unknown,
): { errors: GraphqlErrorEntry[]; data: unknown } | undefined {
  const shape = error as {
    errors?: unknown;
    data?: unknown;
    response?: { data?: { errors?: unknown; data?: unknown } };
  };
  if (Array.isArray(shape.errors))
    return { errors: shape.errors as GraphqlErrorEntry[], data: shape.data };
  const body = shape.response?.data;
  if (Array.isArray(body?.errors))
    return { errors: body.errors as GraphqlErrorEntry[], data: body.data };
  return undefined;
}

/** Validation errors: the document was refused before any of it ran. */
const refusedBeforeRunning =
  /doesn't exist on type|undefinedField|Variable \$\w+ of type|invalid value|Expected value/i;
/** The host's schema lacks one of the mutations (an older GHES). */
const lacksMutation = /doesn't exist on type 'Mutation'|undefinedField/i;
/** Error types with which GitHub refuses a field before it writes anything. */
const refusals = new Set(['NOT_FOUND', 'FORBIDDEN', 'UNPROCESSABLE']);

function batchOutcome(writes: readonly NoticeBatchWrite[], error: unknown): NoticeBatchResult {
  const unknownToAll = (message: string): NoticeBatchResult => ({
    kind: 'answered',
    results: writes.map(() => ({ kind: 'unknown', message })),
  });
  const answer = graphqlAnswerOf(error);
  if (answer === undefined) {
    // No GraphQL answer: an HTTP failure, the same for every write (a 5xx may have written any).
    const failed = noticeWriteOutcome(error);
    return { kind: 'answered', results: writes.map(() => failed) };
  }
  const { errors, data } = answer;
  const message = errors.map((e) => e.message ?? e.type ?? 'error').join('; ');
  // `data: null` is a document that started and failed (GitHub's timeout answers so): any
  // write in it may have been applied.
  if (data === null) return unknownToAll(message);
  if (data === undefined) {
    if (errors.some((e) => e.type === 'RATE_LIMITED'))
      return { kind: 'answered', results: writes.map(() => ({ kind: 'throttled', message })) };
    if (errors.length > 0 && errors.every((e) => refusedBeforeRunning.test(e.message ?? '')))
      return {
        kind: 'refused',
        message,
        hostLacksMutations: errors.some((e) => lacksMutation.test(e.message ?? '')),
      };
    return unknownToAll(message);
  }
  const fields = data as Answer;
  return {
    kind: 'answered',
    results: writes.map((w, i) => resultOf(w, `w${i}`, fields[`w${i}`], errors)),
  };
}

/**
 * An alias that answered is written. One GitHub refused (an error on the field itself, of a
 * type that writes nothing) is refused; anything else — an error on a field of its answer, a
 * rate limit mid-document, no reason given — may have been applied: unknown.
 */
function resultOf(
  write: NoticeBatchWrite,
  alias: string,
  answer: WrittenRun | null | undefined,
  errors: readonly GraphqlErrorEntry[],
): CheckRunWriteResult | NoticeWrite {
  const known = write.kind === 'check-run' && write.run ? write.run : undefined;
  if (answer !== null && answer !== undefined) {
    if (write.kind === 'remove-label') return { kind: 'ok' };
    const run = answer.checkRun;
    const id = typeof run?.databaseId === 'number' ? run.databaseId : known?.id;
    const nodeId = typeof run?.id === 'string' ? run.id : known?.nodeId;
    if (run && id !== undefined)
      return { kind: 'ok', id, ...(nodeId === undefined ? {} : { nodeId }) };
  }
  const own = errors.filter((e) => e.path?.[0] === alias);
  const message = own.map((e) => e.message ?? e.type).join('; ') || 'nothing in the answer';
  const id = known === undefined ? {} : { id: known.id };
  const refused = own.some((e) => e.path?.length === 1 && refusals.has(e.type ?? ''));
  return refused
    ? { kind: 'rejected', status: undefined, message, ...id }
    : { kind: 'unknown', message, ...id };
}
