/** The message and fix a config problem is told with. */
export interface ProblemText {
  message: string;
  /** One sentence saying what to change. */
  fix: string;
}

/** Where a problem sits: `gates.rules[0].class` has leaf `class` and parent `gates.rules[0]`. */
export interface ProblemPlace {
  keyPath: string;
  leaf: string;
  parentPath: string;
}
