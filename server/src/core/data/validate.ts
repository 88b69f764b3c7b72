/**
 * Small helpers to validate data files (criteria maps, the ML catalog, section templates)
 * when they are loaded, so that a broken data file fails loudly with every problem listed.
 */
export class DataFileError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`${source} is not valid:\n  - ${problems.join('\n  - ')}`);
    this.name = 'DataFileError';
  }
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export class Checker {
  readonly problems: string[] = [];

  record(value: unknown, where: string): Record<string, unknown> | undefined {
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    this.problems.push(`${where} must be a mapping`);
    return undefined;
  }

  list(value: unknown, where: string, optional = false): unknown[] {
    if (Array.isArray(value)) return value;
    if (!(optional && value === undefined)) this.problems.push(`${where} must be a list`);
    return [];
  }

  string(value: unknown, where: string): string {
    if (typeof value === 'string' && value.trim() !== '') return value;
    this.problems.push(`${where} must be a non-empty string`);
    return '';
  }

  optionalString(value: unknown, where: string): string | undefined {
    return value === undefined ? undefined : this.string(value, where);
  }

  strings(value: unknown, where: string, optional = false): string[] {
    return this.list(value, where, optional).map((item, i) => this.string(item, `${where}[${i}]`));
  }

  fail(source: string): void {
    if (this.problems.length > 0) throw new DataFileError(source, this.problems);
  }
}
