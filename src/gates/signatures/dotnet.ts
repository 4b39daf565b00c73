import type { ToolSpec } from '../types.js';

// MSBuild: `path/File.cs(12,5): error CS0103: message [path/Project.csproj]`.
const located = String.raw`^\s*(?<file>[^\s(][^(]*\.(?:cs|vb|fs|fsx))\((?<line>\d+),(?<col>\d+)\): `;
const project = String.raw`(?: \[[^\]]+\])?$`;

/** .NET: dotnet format, Roslyn analyzers, the compilers via MSBuild, dotnet test (xUnit, NUnit, MSTest). */
export const dotnetTools: readonly ToolSpec[] = [
  {
    id: 'dotnet-format',
    class: 'fmt',
    fix: 'dotnet format',
    commands: [/\bdotnet\s+format\b/, /\bdotnet-format\b/, /\bcsharpier\b/],
    signatures: [
      {
        id: 'formatting',
        anchor: ['WHITESPACE', 'FINALNEWLINE', 'CHARSET', 'ENDOFLINE', 'IMPORTS', 'IDE0055'],
        pattern: new RegExp(
          `${located}(?:error|warning) (?:WHITESPACE|FINALNEWLINE|CHARSET|ENDOFLINE|IMPORTS|IDE0055): (?<message>.+?)${project}`,
        ),
      },
    ],
  },
  {
    // Code-style and quality analyzers enforced at build time are lint findings.
    id: 'roslyn-analyzers',
    class: 'lint',
    signatures: [
      {
        id: 'analyzer-error',
        anchor: [': error CA', ': error IDE'],
        pattern: new RegExp(`${located}error (?:CA|IDE)\\d{4}: (?<message>.+?)${project}`),
      },
    ],
  },
  {
    id: 'msbuild',
    class: 'build',
    commands: [/\bdotnet\s+(?:build|publish|pack)\b/, /\bmsbuild\b/i],
    signatures: [
      {
        id: 'compiler-error',
        anchor: [': error CS', ': error BC', ': error FS'],
        pattern: new RegExp(`${located}error (?:CS|BC|FS)\\d{4}: (?<message>.+?)${project}`),
      },
      {
        // NuGet could not reach its feed: the service index is on the network.
        id: 'nuget-feed',
        anchor: 'error NU1301',
        class: 'infra',
        pattern: /error NU1301: /,
      },
      { id: 'msbuild-error', anchor: 'error MSB', pattern: /: error MSB\d{4}: /, strength: 'weak' },
      {
        id: 'build-failed',
        anchor: 'Build FAILED.',
        pattern: /^\s*Build FAILED\.$/,
        strength: 'weak',
      },
    ],
  },
  {
    id: 'dotnet-test',
    class: 'test',
    commands: [/\bdotnet\s+test\b/, /\bvstest\b/i],
    signatures: [
      { id: 'failed-summary', anchor: 'Failed!', pattern: /^\s*Failed!\s+-\s+Failed:\s+[1-9]/ },
      { id: 'failed-test', anchor: 'Failed ', pattern: /^\s+Failed \S+ \[[\d.]+ ?[mµ]?s\]$/ },
      { id: 'xunit-fail', anchor: '[FAIL]', pattern: /^\s*\[xUnit\.net [\d:.]+\]\s+.+ \[FAIL\]$/ },
      { id: 'run-failed', anchor: 'Test Run Failed.', pattern: /^\s*Test Run Failed\.$/ },
    ],
  },
];
