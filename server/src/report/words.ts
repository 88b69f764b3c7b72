/** `1 file`, `2 files`; `1 criterion`, `3 criteria` with the plural given. */
export function plural(count: number, one: string, many: string = one + 's'): string {
  return `${count} ${count === 1 ? one : many}`;
}
