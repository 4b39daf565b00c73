import type { ToolSpec } from '../types.js';
import { cFamilyTools } from './c-family.js';
import { dotnetTools } from './dotnet.js';
import { gitTools } from './git-conflict.js';
import { goBuildTestTools } from './go-build-test.js';
import { goStyleTools } from './go-style.js';
import { runnerTools } from './infra-runner.js';
import { networkTools } from './infra-network.js';
import { javascriptBuildTools } from './javascript-build.js';
import { javascriptStyleTools } from './javascript-style.js';
import { javascriptTestTools } from './javascript-test.js';
import { jvmTools } from './jvm.js';
import { packageScriptTools } from './package-scripts.js';
import { policyTools } from './policy.js';
import { pythonCheckTools } from './python-checks.js';
import { pythonStyleTools } from './python-style.js';
import { rubyElixirPhpTools } from './ruby-elixir-php.js';
import { rustTools } from './rust.js';
import { shellAndConfigTools } from './shell-and-config.js';

/**
 * Every tool, in search order: when several signatures match one line, the earliest wins.
 * Specific before generic: policy gates and runner events first, the compiler-style
 * `file:line: error:` catch-all and network phrases last.
 */
export const allTools: readonly ToolSpec[] = [
  ...policyTools,
  ...runnerTools,
  ...gitTools,
  ...rustTools,
  ...goStyleTools,
  ...goBuildTestTools,
  ...pythonStyleTools,
  ...pythonCheckTools,
  ...shellAndConfigTools,
  ...javascriptStyleTools,
  ...javascriptBuildTools,
  ...javascriptTestTools,
  ...jvmTools,
  ...dotnetTools,
  ...rubyElixirPhpTools,
  ...cFamilyTools,
  ...networkTools,
  ...packageScriptTools,
];
