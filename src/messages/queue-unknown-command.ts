import { inlineCode } from './markdown.js';

/**
 * The answer to a `/sluice …` line that is no command: the command it most likely meant, if
 * one is close, and where the list is. What was written is shown as code, clipped: it is
 * someone's text, not ours.
 */
export function renderUnknownCommandComment(written: string, suggestion: string | null): string {
  const what =
    written === ''
      ? '`/sluice` needs a command after it.'
      : `${inlineCode(`/sluice ${written}`, 80)} is not a Sluice command.`;
  const guess = suggestion === null ? '' : ` Did you mean ${inlineCode(suggestion)}?`;
  return (
    `**Not a command.** ${what}${guess}\n\n` +
    'Comment `/sluice help` for the list of commands. An edited comment is not read again: write a new one.\n'
  );
}
