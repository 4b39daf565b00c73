export interface ChaosArgs {
  seed: number;
  runs: number;
  quick: boolean;
  /** Runs at once (each its own local GitHub and app processes). */
  parallel: number;
  /** Only the runs with these ids (after the fault-free one, which plans the rest). */
  only: string[];
  verbose: boolean;
}

const usage = `usage: npm run chaos -- [--seed N] [--runs N] [--quick] [--parallel N] [--only ID[,ID]] [--verbose]`;

/** The campaign's flags; an unknown one is an error with the usage, never ignored. */
export function parseChaosArgs(argv: string[]): ChaosArgs {
  const args: ChaosArgs = { seed: 1, runs: 1, quick: false, parallel: 2, only: [], verbose: false };
  const number = (flag: string, text: string | undefined): number => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0)
      throw new Error(`${flag} needs a whole number\n${usage}`);
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--seed') args.seed = number(flag, argv[++i]);
    else if (flag === '--runs') args.runs = number(flag, argv[++i]);
    else if (flag === '--parallel') args.parallel = Math.max(1, number(flag, argv[++i]));
    else if (flag === '--only') args.only = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (flag === '--quick') args.quick = true;
    else if (flag === '--verbose') args.verbose = true;
    else throw new Error(`unknown flag ${flag}\n${usage}`);
  }
  return args;
}
