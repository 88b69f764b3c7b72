/** A row of a picker as the filter reads it. */
export interface Listed {
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
}

/**
 * The criterion the filter text names when nothing is ticked: the one whose id it is, or the
 * only one it matches. Otherwise what to do instead, or undefined for an empty filter.
 */
export function typedChoice<T extends Listed>(items: readonly T[], value: string): T | string | undefined {
  const text = value.trim().toLowerCase();
  if (!text) return undefined;
  const exact = items.find((i) => i.label.toLowerCase() === text);
  if (exact) return exact;
  const byId = items.filter((i) => i.label.toLowerCase().startsWith(text));
  if (byId.length === 1) return byId[0];
  const anywhere = byId.length ? byId : items.filter((i) => [i.label, i.description, i.detail].some((t) => t?.toLowerCase().includes(text)));
  if (anywhere.length === 1) return anywhere[0];
  return anywhere.length ? `"${value.trim()}" matches ${anywhere.length} criteria: tick the ones you mean, or type one id` : `no criterion matches "${value.trim()}"`;
}
