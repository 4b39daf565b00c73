// Jest's per-file reporter without its built-in summary (ours prints the summary last).
export { DefaultReporter as default } from '@jest/reporters';
