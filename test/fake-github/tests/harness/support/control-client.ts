/** What a control command answered: the status, and the JSON body (an object, even for errors). */
export interface ControlAnswer {
  status: number;
  body: Record<string, unknown>;
}

export interface ControlClient {
  /** Any answer, for tests of the errors. */
  send(command: string, input?: unknown, method?: string): Promise<ControlAnswer>;
  /** The body of a 200; anything else throws with the answer, so a scenario reads top to bottom. */
  call<T = Record<string, unknown>>(command: string, input?: unknown): Promise<T>;
}

/** Drives a stand-in the way another process would: `POST <url>/_control/<command>`, JSON both ways. */
export function controlClient(baseUrl: string): ControlClient {
  const send = async (command: string, input: unknown = {}, method = 'POST') => {
    const response = await fetch(`${baseUrl}/_control/${command}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(method === 'POST' ? { body: JSON.stringify(input) } : {}),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return {
    send,
    call: async <T>(command: string, input: unknown = {}) => {
      const answer = await send(command, input);
      if (answer.status !== 200)
        throw new Error(`${command} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      return answer.body as T;
    },
  };
}
