/**
 * `CreateCheckRunInput` / `UpdateCheckRunInput` as GitHub's schema defines them, and their
 * translation to the domain's `CheckRunFields`: the same fields REST's snake_case body gives
 * (handlers/checks.ts), so both APIs write check runs through one code path.
 */
import type { CheckAnnotation, CheckConclusion, CheckStatus } from '../world/types.js';
import type { CheckRunFields } from '../domain/checks.js';

type Maybe<T> = T | null | undefined;

interface AnnotationInput {
  path: string;
  location: {
    startLine: number;
    endLine: number;
    startColumn?: Maybe<number>;
    endColumn?: Maybe<number>;
  };
  annotationLevel: 'NOTICE' | 'WARNING' | 'FAILURE';
  message: string;
  title?: Maybe<string>;
  rawDetails?: Maybe<string>;
}

/** The fields both inputs share. */
export interface CheckRunInputFields {
  clientMutationId?: Maybe<string>;
  repositoryId: string;
  name?: Maybe<string>;
  detailsUrl?: Maybe<string>;
  externalId?: Maybe<string>;
  /** RequestableCheckStatusState: QUEUED, IN_PROGRESS, COMPLETED, WAITING, PENDING. */
  status?: Maybe<string>;
  /** CheckConclusionState: SUCCESS, FAILURE, NEUTRAL, CANCELLED, ..., STALE. */
  conclusion?: Maybe<string>;
  startedAt?: Maybe<string>;
  completedAt?: Maybe<string>;
  output?: Maybe<{
    title: string;
    summary: string;
    text?: Maybe<string>;
    annotations?: Maybe<AnnotationInput[]>;
  }>;
  actions?: Maybe<{ label: string; description: string; identifier: string }[]>;
}

export interface CreateCheckRunInput extends CheckRunInputFields {
  name: string;
  headSha: string;
}

export interface UpdateCheckRunInput extends CheckRunInputFields {
  checkRunId: string;
}

/** GraphQL's explicit `null` means "not given" here, as an absent REST property does. */
const given = <T>(value: Maybe<T>): T | undefined => value ?? undefined;

/** Enum values are REST's in upper case (`IN_PROGRESS` is `in_progress`). */
const lower = <T extends string>(value: Maybe<string>): T | undefined =>
  value == null ? undefined : (value.toLowerCase() as T);

function toAnnotation(input: AnnotationInput): CheckAnnotation {
  const { location } = input;
  return {
    path: input.path,
    start_line: location.startLine,
    end_line: location.endLine,
    ...(location.startColumn == null ? {} : { start_column: location.startColumn }),
    ...(location.endColumn == null ? {} : { end_column: location.endColumn }),
    annotation_level: lower<CheckAnnotation['annotation_level']>(input.annotationLevel)!,
    message: input.message,
    ...(input.title == null ? {} : { title: input.title }),
    ...(input.rawDetails == null ? {} : { raw_details: input.rawDetails }),
  };
}

export function toCheckRunFields(input: CheckRunInputFields): CheckRunFields {
  const date = (value: Maybe<string>) => (value == null ? undefined : new Date(value));
  const output = given(input.output);
  return {
    name: given(input.name),
    detailsUrl: given(input.detailsUrl),
    externalId: given(input.externalId),
    status: lower<CheckStatus>(input.status),
    conclusion: lower<CheckConclusion>(input.conclusion),
    startedAt: date(input.startedAt),
    completedAt: date(input.completedAt),
    output: output && {
      title: output.title,
      summary: output.summary,
      text: given(output.text),
      annotations: given(output.annotations)?.map(toAnnotation),
    },
    actions: given(input.actions),
  };
}
