import type { HandlerTable } from './types.js';
import { requireRepo } from './types.js';
import { answerNow } from './answer-now.js';
import { renderFullRepository } from '../render/basics.js';
import { contentHandlers } from './contents.js';
import { branchHandlers } from './branches.js';
import { collaboratorHandlers } from './collaborators.js';

/** The `repos/*` operations: the repository, its files, branches and collaborators. */
export const repoHandlers: HandlerTable = {
  'repos/get': answerNow((ctx) => ({
    status: 200,
    body: renderFullRepository(ctx.world, requireRepo(ctx)),
  })),
  ...contentHandlers,
  ...branchHandlers,
  ...collaboratorHandlers,
};
