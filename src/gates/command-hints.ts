import type { GateClass, ToolSpec } from './types.js';

/** What the failing step's command or name says about the gate, before reading its output. */
export type CommandHint =
  | { kind: 'command'; tool: string; class: GateClass; fix?: string }
  | { kind: 'step-name'; class: GateClass };

// Named steps ("Check formatting") say what they gate even when no tool name appears.
const stepNameKeywords: ReadonlyArray<readonly [RegExp, GateClass]> = [
  [/\b(?:format(?:ting|ter)?|fmt|prettier|rustfmt|gofmt|black)\b/i, 'fmt'],
  [/\b(?:lint(?:s|ing|er)?|clippy|eslint|flake8|ruff|vet|shellcheck|rubocop)\b/i, 'lint'],
  [/\b(?:build|compile|type-?check(?:ing)?|tsc|mypy)\b/i, 'build'],
  [/\b(?:tests?|specs?|unit|integration|e2e)\b/i, 'test'],
];

function only<T extends { class: GateClass }>(hints: readonly T[]): T | undefined {
  const classes = new Set(hints.map((h) => h.class));
  // A script running several gates (`cargo fmt --check && cargo test`) says nothing.
  return classes.size === 1 ? hints.at(-1) : undefined;
}

/** Reads the tools' `commands` patterns: which tool a step's script or name runs. */
export class CommandHinter {
  private readonly patterns: Array<{ pattern: RegExp; tool: ToolSpec }>;

  constructor(tools: readonly ToolSpec[]) {
    this.patterns = tools.flatMap((tool) =>
      (tool.commands ?? []).map((pattern) => ({ pattern, tool })),
    );
  }

  hint(commands: readonly string[], stepName: string | null): CommandHint | undefined {
    const lines = stepName === null ? commands : [...commands, stepName];
    const fromCommands = only(
      lines.flatMap((line) =>
        this.patterns
          .filter(({ pattern }) => pattern.test(line))
          .map(({ tool }) => ({
            kind: 'command' as const,
            tool: tool.id,
            class: tool.class,
            ...(tool.fix === undefined ? {} : { fix: tool.fix }),
          })),
      ),
    );
    if (fromCommands || stepName === null || /^run /i.test(stepName)) return fromCommands;
    return only(
      stepNameKeywords
        .filter(([pattern]) => pattern.test(stepName))
        .map(([, cls]) => ({ kind: 'step-name' as const, class: cls })),
    );
  }
}
