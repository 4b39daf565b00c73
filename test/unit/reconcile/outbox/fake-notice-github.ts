import type {
  CheckRunWrite,
  CheckRunWriteResult,
  NoticeBatchResult,
  NoticeBatchWrite,
  NoticeWrite,
  RepoGitHub,
} from '../../../../src/github/port.js';
import { GitHubReadError } from '../../../../src/github/github-errors.js';

type Op = 'comment' | 'add-labels' | 'remove-label' | 'check-run';

/**
 * What a write answers: `ok`; `lost` (GitHub wrote it, then answered 502); `unknown`
 * (502, nothing written); `rejected`; `throttled`.
 */
export type Answer = 'ok' | 'lost' | 'unknown' | 'rejected' | 'throttled';

/** A PR's conversation, labels and check runs, and a script of how writes are answered. */
export class FakeNoticeGitHub {
  readonly owner = 'acme';
  readonly repo = 'widgets';
  readonly calls: string[] = [];
  readonly comments: string[] = [];
  labels: string[] = ['merge-queue'];
  readonly runs: { id: number; externalId: string | undefined; status: string; title: string }[] =
    [];
  readsFail = false;
  /** false: the host's GraphQL refuses the notice mutations. */
  noticeMutations = true;
  readonly #answers = new Map<Op, Answer[]>();

  /** The next writes of `op` answer these, in order; then `ok`. */
  answer(op: Op, ...answers: Answer[]): void {
    this.#answers.set(op, answers);
  }

  port(): RepoGitHub {
    return this as unknown as RepoGitHub;
  }

  comment(_: number, body: string): Promise<NoticeWrite> {
    return this.#write('comment', 'comment', () => this.comments.push(body));
  }

  addLabels(_: number, labels: string[]): Promise<NoticeWrite> {
    return this.#write('add-labels', 'addLabels', () => {
      this.labels = [...new Set([...this.labels, ...labels])];
    });
  }

  removeLabel(_: number, label: string): Promise<NoticeWrite> {
    return this.#write('remove-label', 'removeLabel', () => {
      this.labels = this.labels.filter((l) => l !== label);
    });
  }

  async writeCheckRun(check: CheckRunWrite, id?: number): Promise<CheckRunWriteResult> {
    this.calls.push(id === undefined ? 'checks/create' : 'checks/update');
    const written = await this.#apply(check, id);
    return written.kind === 'ok' ? { ...written, nodeId: `CR_${written.id}` } : written;
  }

  async #apply(check: CheckRunWrite, id: number | undefined): Promise<CheckRunWriteResult> {
    let runId = id;
    const written = await this.#answer('check-run', () => {
      if (id === undefined) {
        runId = this.runs.length + 1;
        this.runs.push({ id: runId, externalId: check.externalId, status: '', title: '' });
      }
      const run = this.runs.find((r) => r.id === runId)!;
      run.status = check.status;
      run.title = check.output.title;
    });
    return written.kind === 'ok' ? { kind: 'ok', id: runId! } : written;
  }

  repositoryId(): Promise<string> {
    return this.#read('repositoryId', () => 'R_widgets');
  }

  /**
   * One request (`batch(create,update,remove-label…)` in `calls`); each write is answered by
   * the next answer of its kind, as if sent alone. Node ids are `CR_<id>`.
   */
  async writeNotices(_: string, writes: NoticeBatchWrite[]): Promise<NoticeBatchResult> {
    const kinds = writes.map((w) =>
      w.kind === 'remove-label' ? 'remove-label' : w.run === undefined ? 'create' : 'update',
    );
    this.calls.push(`batch(${kinds.join(',')})`);
    if (!this.noticeMutations)
      return {
        kind: 'refused',
        message: "doesn't exist on type 'Mutation'",
        hostLacksMutations: true,
      };
    const results: (CheckRunWriteResult | NoticeWrite)[] = [];
    for (const write of writes) {
      if (write.kind === 'remove-label') {
        const label = write.labelId.replace(/^LA_/, '');
        results.push(
          await this.#answer('remove-label', () => {
            this.labels = this.labels.filter((l) => l !== label);
          }),
        );
        continue;
      }
      const written = await this.#apply(write.check, write.run?.id);
      results.push(written.kind === 'ok' ? { ...written, nodeId: `CR_${written.id}` } : written);
    }
    return { kind: 'answered', results };
  }

  labelsOn(): Promise<string[]> {
    return this.#read('labelsOn', () => [...this.labels]);
  }

  hasComment(_: number, marker: string): Promise<boolean> {
    return this.#read('hasComment', () => this.comments.some((c) => c.includes(marker)));
  }

  findCheckRun(input: { externalId: string }): Promise<number | undefined> {
    return this.#read(
      'findCheckRun',
      () => this.runs.find((r) => r.externalId === input.externalId)?.id,
    );
  }

  #read<T>(name: string, value: () => T): Promise<T> {
    this.calls.push(name);
    if (this.readsFail)
      return Promise.reject(new GitHubReadError(name, 502, 'Bad Gateway', { cause: null }));
    return Promise.resolve(value());
  }

  #write(op: Op, name: string, apply: () => unknown): Promise<NoticeWrite> {
    this.calls.push(name);
    return this.#answer(op, apply);
  }

  #answer(op: Op, apply: () => unknown): Promise<NoticeWrite> {
    const answer = this.#answers.get(op)?.shift() ?? 'ok';
    if (answer === 'ok' || answer === 'lost') apply();
    switch (answer) {
      case 'ok':
        return Promise.resolve({ kind: 'ok' });
      case 'lost':
      case 'unknown':
        return Promise.resolve({ kind: 'unknown', message: 'Bad Gateway' });
      case 'rejected':
        return Promise.resolve({ kind: 'rejected', status: 422, message: 'Validation Failed' });
      case 'throttled':
        return Promise.resolve({ kind: 'throttled', message: 'rate limit' });
    }
  }
}
