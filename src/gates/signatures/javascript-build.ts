import type { ToolSpec } from '../types.js';

/** TypeScript and the bundlers: tsc, webpack, esbuild, vite/rollup, Next.js. */
export const javascriptBuildTools: readonly ToolSpec[] = [
  {
    id: 'tsc',
    class: 'build',
    commands: [/\btsc\b/, /\bvue-tsc\b/],
    signatures: [
      {
        id: 'diagnostic',
        anchor: 'error TS',
        pattern: /^\s*(?<file>[^\s(]+)\((?<line>\d+),(?<col>\d+)\): error TS\d+: (?<message>.+)$/,
      },
      {
        id: 'pretty',
        anchor: 'error TS',
        pattern: /^\s*(?<file>[^\s:]+):(?<line>\d+):(?<col>\d+) - error TS\d+: (?<message>.+)$/,
      },
      { id: 'bare', anchor: 'error TS', pattern: /\berror TS\d+: / },
      { id: 'found', anchor: 'Found ', pattern: /^Found \d+ errors? in /, strength: 'weak' },
    ],
  },
  {
    id: 'webpack',
    class: 'build',
    commands: [/\bwebpack\b/],
    signatures: [
      {
        id: 'module-not-found',
        anchor: 'Module not found: ',
        pattern: /Module not found: Error: /,
      },
      { id: 'error-in', anchor: 'ERROR in ', pattern: /^ERROR in \S/ },
      { id: 'compiled-with-errors', anchor: 'compiled with', pattern: /compiled with \d+ errors?/ },
    ],
  },
  {
    id: 'bundler',
    class: 'build',
    commands: [
      /\bvite\s+build\b/,
      /\besbuild\b/,
      /\brollup\b/,
      /\bnext\s+build\b/,
      /\bparcel\s+build\b/,
      /\btsup\b/,
    ],
    signatures: [
      { id: 'esbuild-error', anchor: '[ERROR] ', pattern: /^✘ \[ERROR\] (?<message>.+)$/ },
      {
        id: 'unresolved-import',
        anchor: ['failed to resolve import', 'Failed to resolve import'],
        pattern: /[Ff]ailed to resolve import "[^"]+" from "[^"]+"/,
        afterTests: true,
      },
      { id: 'vite-error', anchor: 'error during build', pattern: /^error during build:/ },
      { id: 'rollup-error', anchor: '[!] ', pattern: /^\[!\] (?:RollupError|Error): / },
      { id: 'next-failed', anchor: 'Failed to compile', pattern: /^Failed to compile\.?$/ },
      { id: 'next-type-error', anchor: 'Type error: ', pattern: /^Type error: / },
      {
        // jest's resolver: the code imports a module that does not exist.
        id: 'missing-module',
        anchor: 'Cannot find module',
        pattern: /^\s*Cannot find module '[^']+' from '[^']+'/,
        afterTests: true,
      },
    ],
  },
];
