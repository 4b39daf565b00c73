/**
 * The harness over HTTP, so a scenario can be driven from another process (a shell, another
 * test runner, the app's own dev loop): `POST /_control/<command>` with a JSON body, JSON back.
 * `GET /_control` lists the commands with an example each. Errors are JSON too: 400 for bad
 * input (with zod's issues), 404 for an unknown command or something named that is missing.
 */
import type { FakeGitHub, SideRoute } from '../fake-github.js';
import { ControlError, type CommandTable } from './http-control-command.js';
import { setupCommands } from './http-control-setup.js';
import { adminCommands } from './http-control-admin.js';
import { appCommands } from './http-control-apps.js';
import { pullCommands } from './http-control-pulls.js';
import { conversationCommands } from './http-control-conversation.js';
import { ciCommands } from './http-control-ci.js';
import { faultCommands } from './http-control-faults.js';
import { deliveryCommands } from './http-control-deliveries.js';
import { syncCommands } from './http-control-sync.js';
import { readCommands } from './http-control-reads.js';
import { GitHubError } from '../http/github-error.js';

export const controlRoutePrefix = '/_control';

export const controlCommands: CommandTable = {
  ...setupCommands,
  ...adminCommands,
  ...appCommands,
  ...pullCommands,
  ...conversationCommands,
  ...ciCommands,
  ...faultCommands,
  ...deliveryCommands,
  ...syncCommands,
  ...readCommands,
};

const answer = (status: number, body: unknown): Response => Response.json(body, { status });

function listCommands(): Response {
  const commands = Object.fromEntries(
    Object.entries(controlCommands).map(([name, c]) => [
      name,
      { summary: c.summary, example: c.example },
    ]),
  );
  return answer(200, { usage: `POST ${controlRoutePrefix}/<command> with a JSON body`, commands });
}

async function readBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ControlError(400, `the body is not JSON: ${String(error)}`);
  }
}

/** Harness refusals become answers; anything else is a stand-in bug and says where it broke. */
function errorAnswer(command: string, error: unknown): Response {
  if (error instanceof ControlError) {
    return answer(error.status, {
      command,
      message: error.message,
      ...(error.issues ? { issues: error.issues } : {}),
    });
  }
  // The harness runs GitHub's own rules (e.g. no approving your own PR): GitHub said no.
  if (error instanceof GitHubError) {
    return answer(400, {
      command,
      message: `GitHub refuses this (${error.status}): ${error.message}`,
      githubStatus: error.status,
      ...(error.extra.errors ? { errors: error.extra.errors } : {}),
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith('fake-github:')) return answer(400, { command, message });
  const stack = error instanceof Error ? error.stack : undefined;
  return answer(500, { command, message: `fake-github control crashed: ${message}`, stack });
}

export function createHttpControlRoute(gh: FakeGitHub): SideRoute {
  return {
    prefix: controlRoutePrefix,
    serve: async (request) => {
      const path = new URL(request.url).pathname.replace(/\/+$/, '');
      if (path === controlRoutePrefix && request.method === 'GET') return listCommands();
      const name = path.startsWith(`${controlRoutePrefix}/`)
        ? path.slice(controlRoutePrefix.length + 1)
        : '';
      const command = Object.hasOwn(controlCommands, name) ? controlCommands[name] : undefined;
      if (!command) {
        return answer(404, {
          message: `no control command "${name}"; GET ${controlRoutePrefix} lists them`,
          commands: Object.keys(controlCommands),
        });
      }
      if (request.method !== 'POST') {
        return answer(405, { command: name, message: `POST ${controlRoutePrefix}/${name}` });
      }
      try {
        return answer(200, await command.run(gh, await readBody(request)));
      } catch (error) {
        return errorAnswer(name, error);
      }
    },
  };
}
