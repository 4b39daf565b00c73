/**
 * Typed failures of the git layer. The stand-in's handlers convert them to GitHub's answers
 * (422 "Reference already exists", 422 "Update is not a fast forward", ...) at their boundary.
 */
export class GitError extends Error {
  override name = 'GitError';
}

export class RefExistsError extends GitError {
  override name = 'RefExistsError';
  constructor(
    readonly ref: string,
    options?: ErrorOptions,
  ) {
    super(`Reference already exists: ${ref}`, options);
  }
}

export class RefNotFoundError extends GitError {
  override name = 'RefNotFoundError';
  constructor(
    readonly ref: string,
    options?: ErrorOptions,
  ) {
    super(`Reference does not exist: ${ref}`, options);
  }
}

export class NotFastForwardError extends GitError {
  override name = 'NotFastForwardError';
  constructor(
    readonly ref: string,
    readonly current: string,
    readonly next: string,
  ) {
    super(`Update is not a fast forward: ${ref} is at ${current}, ${next} does not contain it`);
  }
}

/** The ref moved (or vanished) between the caller's read and the write: retryable. */
export class RefRaceError extends GitError {
  override name = 'RefRaceError';
  constructor(
    readonly ref: string,
    readonly expected: string,
    readonly actual: string | undefined,
    options?: ErrorOptions,
  ) {
    super(`Lost race on ${ref}: expected ${expected}, found ${actual ?? 'nothing'}`, options);
  }
}

export class InvalidRefNameError extends GitError {
  override name = 'InvalidRefNameError';
  constructor(
    readonly ref: string,
    options?: ErrorOptions,
  ) {
    super(`Reference name is invalid: ${ref}`, options);
  }
}

export class InvalidPathError extends GitError {
  override name = 'InvalidPathError';
  constructor(readonly path: string) {
    super(`Malformed path in tree entry: ${JSON.stringify(path)}`);
  }
}

/** A sha, ref or revision that names nothing (or names the wrong kind of object). */
export class ObjectNotFoundError extends GitError {
  override name = 'ObjectNotFoundError';
  constructor(
    readonly revision: string,
    options?: ErrorOptions,
  ) {
    super(`Object does not exist: ${revision}`, options);
  }
}

export class NoCommonAncestorError extends GitError {
  override name = 'NoCommonAncestorError';
  constructor(
    readonly base: string,
    readonly head: string,
  ) {
    super(`No common ancestor between ${base} and ${head}`);
  }
}

/** Any git failure the layer does not expect; carries what is needed to reproduce it. */
export class GitCommandError extends GitError {
  override name = 'GitCommandError';
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
    options?: ErrorOptions,
  ) {
    super(`git ${args.join(' ')} exited with ${exitCode}: ${stderr.trim()}`, options);
  }
}
