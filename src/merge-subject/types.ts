/** Which grammar a subject line was read with. */
export type SubjectFormat =
  | 'template'
  | 'conventional'
  | 'github-squash'
  | 'github-merge'
  | 'bors'
  | 'bot-merge'
  | 'bot-merge-bare'
  | 'legacy-slug'
  | 'revert'
  | 'unrecognised';

/** What a revert points at; any of the three may be known. */
export interface RevertTarget {
  /** The reverted commit's subject, as quoted in `Revert "…"`. */
  subject: string | undefined;
  /** The (possibly abbreviated) hash from `This reverts commit <sha>.` */
  sha: string | undefined;
  /** The reverted pull request, from its `(#N)` suffix or GitHub's `Reverts owner/repo#N`. */
  pr: number | undefined;
}

/** One commit message understood: the shared vocabulary of the app and the changelog. */
export interface ParsedSubject {
  /** The first line, as given. */
  subject: string;
  format: SubjectFormat;
  /** Lower-cased change type as written (`feat`, `story`, `bug`, ...), if any. */
  type: string | undefined;
  scope: string | undefined;
  breaking: boolean;
  /** Human description without type, scope or ids; empty for bare forms. */
  description: string;
  /** The GitHub pull request that landed this commit. */
  pr: number | undefined;
  /** A tracker or issue id from bot forms and legacy slugs (`1234`, `ABC-12`). */
  id: string | undefined;
  /** Set when this commit reverts another. */
  revert: RevertTarget | undefined;
}

/** The author of the pull request; the squash commit is authored as them. */
export interface PullRequestAuthor {
  login: string;
  email?: string | undefined;
}

/** Someone who authored a commit of the pull request. */
export interface CoAuthor {
  name: string;
  email: string;
}

export interface MergeMessageInput {
  /** `mergeMessage.subject`; defaults to `DEFAULT_MERGE_TEMPLATE`. */
  template?: string | undefined;
  pr: {
    number: number;
    title: string;
    /** Pass `undefined` when `mergeMessage.body.includePrBody` is off. */
    body?: string | null | undefined;
    author: PullRequestAuthor;
    /** Commit authors (when `mergeMessage.coAuthors`); duplicates and the PR author are dropped. */
    coAuthors?: readonly CoAuthor[] | undefined;
    /** Overrides the type read from a conventional title (e.g. from a label). */
    type?: string | undefined;
    /** The base branch, for `{base}`. */
    base?: string | undefined;
  };
  /**
   * Extra trailers such as `Sluice-Gates`, written after Sluice's own. `false` (config
   * `mergeMessage.trailers: false`) writes no Sluice trailers at all.
   */
  trailers?: Readonly<Record<string, string>> | false | undefined;
  /** `mergeMessage.body.cutMarker`: everything from the marker on is left out. */
  cutMarkers?: readonly string[] | undefined;
  /** `mergeMessage.body.stripHtmlComments`; defaults to true. */
  stripHtmlComments?: boolean | undefined;
}

export interface MergeMessage {
  subject: string;
  body: string;
  /** `subject`, a blank line, then `body`: what the commit carries. */
  message: string;
}
