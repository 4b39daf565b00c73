/** The committed generated files and how to render each. */
export interface Generator {
  /** Path relative to the repository root. */
  path: string;
  render(): Promise<string>;
}

export const generators: Generator[] = [];
