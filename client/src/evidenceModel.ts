/**
 * The Evidence view's reading of `attest/evidenceList` in its json format (one row per
 * control and window, as `attest evidence --format json` prints it): the rows grouped the way
 * someone preparing an audit works through them. No `vscode` here, so that the grouping is
 * plain data.
 */

export type RequestStatus = 'collected' | 'missing' | 'upcoming';

export interface EvidenceItemJson {
  readonly name: string | null;
  readonly path: string | null;
  readonly url: string | null;
  readonly collected: string | null;
  readonly noEvent: boolean;
}

export interface WindowJson {
  readonly label: string;
  /** week, month, quarter, year, period (the whole observation period) or as-of (Type I). */
  readonly kind: string;
  readonly start: string;
  readonly end: string;
}

export interface EvidenceRequestJson {
  readonly id: string;
  readonly criteria: readonly string[];
  /** `path` is relative to the workspace folder. */
  readonly control: { readonly id: string; readonly title: string; readonly path: string };
  readonly owner: string | null;
  readonly frequency: string | null;
  readonly window: WindowJson;
  readonly due: string;
  readonly status: RequestStatus;
  readonly evidence: readonly EvidenceItemJson[];
}

export interface EvidenceListJson {
  readonly organization: string | null;
  readonly today: string;
  readonly audit: { readonly type: 1; readonly date: string } | { readonly type: 2; readonly period: { readonly start: string; readonly end: string } };
  readonly counts: Readonly<Record<RequestStatus, number>>;
  readonly requests: readonly EvidenceRequestJson[];
}

/** Reads the server's answer; throws when it is not the list this view knows (another version). */
export function parseEvidenceList(text: string): EvidenceListJson {
  const value = JSON.parse(text) as Partial<EvidenceListJson> & { format?: unknown; version?: unknown };
  if (value.format !== 'attest-evidence-requests' || value.version !== 1 || !Array.isArray(value.requests) || typeof value.today !== 'string') {
    throw new Error('The language server answered with an evidence list this version of the extension cannot read.');
  }
  return value as EvidenceListJson;
}

/**
 * A row's state as the view shows it: the server's status, with the first window of a
 * control that is still to come told apart as the one due next.
 */
export type RowState = 'collected' | 'missing' | 'dueNext' | 'upcoming';

export interface EvidenceRow {
  readonly request: EvidenceRequestJson;
  readonly state: RowState;
}

/** All controls' requests for one window label (`2026-Q3`), in control order. */
export interface WindowGroup {
  readonly label: string;
  /** How a person reads it: `2026-Q3`, `2026-01-01 to 2026-12-31`, `current on 2026-06-30`. */
  readonly text: string;
  readonly start: string;
  readonly end: string;
  /** Whether the window's last day is over. */
  readonly ended: boolean;
  readonly rows: readonly EvidenceRow[];
}

export interface EvidenceGroups {
  /** For each control, its first window still to come, soonest due first. */
  readonly dueNext: readonly EvidenceRow[];
  /** Every window that ended without evidence, oldest first. */
  readonly missing: readonly EvidenceRow[];
  /** Every window, in calendar order. */
  readonly windows: readonly WindowGroup[];
}

export function windowText(window: WindowJson): string {
  if (window.kind === 'period') return `${window.start} to ${window.end}`;
  return window.kind === 'as-of' ? `current on ${window.end}` : window.label;
}

function byDateThenControl(a: EvidenceRow, b: EvidenceRow, date: (r: EvidenceRequestJson) => string): number {
  return date(a.request).localeCompare(date(b.request)) || a.request.control.id.localeCompare(b.request.control.id, 'en', { numeric: true });
}

export function groupEvidence(list: EvidenceListJson): EvidenceGroups {
  const firstToCome = new Set<EvidenceRequestJson>();
  const seenControls = new Set<string>();
  // The server lists each control's windows in order, so its first upcoming one is the next.
  for (const request of list.requests) {
    if (request.status !== 'upcoming' || seenControls.has(request.control.id)) continue;
    seenControls.add(request.control.id);
    firstToCome.add(request);
  }
  const rows: EvidenceRow[] = list.requests.map((request) => ({
    request,
    state: request.status === 'upcoming' ? (firstToCome.has(request) ? 'dueNext' : 'upcoming') : request.status,
  }));

  const windows = new Map<string, EvidenceRow[]>();
  for (const row of rows) {
    const key = row.request.window.label;
    const group = windows.get(key);
    if (group) group.push(row);
    else windows.set(key, [row]);
  }
  const windowGroups: WindowGroup[] = [...windows.values()].map((group) => {
    const window = group[0].request.window;
    return { label: window.label, text: windowText(window), start: window.start, end: window.end, ended: window.end < list.today, rows: group };
  });
  // A month before the quarter that ends with it, and the year last: by end date, then the shorter window first.
  windowGroups.sort((a, b) => a.end.localeCompare(b.end) || b.start.localeCompare(a.start) || a.label.localeCompare(b.label));

  return {
    dueNext: rows.filter((r) => r.state === 'dueNext').sort((a, b) => byDateThenControl(a, b, (r) => r.due)),
    missing: rows.filter((r) => r.state === 'missing').sort((a, b) => byDateThenControl(a, b, (r) => r.window.end)),
    windows: windowGroups,
  };
}

/** How many rows of each state a window holds. */
export function stateCounts(rows: readonly EvidenceRow[]): Record<RowState, number> {
  const counts: Record<RowState, number> = { collected: 0, missing: 0, dueNext: 0, upcoming: 0 };
  for (const row of rows) counts[row.state]++;
  return counts;
}

/** `Q1 access review (2026-01-14)`; a note that no event occurred says so. */
export function evidenceItemText(item: EvidenceItemJson): string {
  const name = item.name ?? item.path ?? item.url ?? (item.noEvent ? 'No event occurred' : 'Unnamed evidence');
  const details = [item.noEvent && item.name ? 'no event occurred' : undefined, item.collected ?? undefined].filter((d): d is string => !!d);
  return details.length > 0 ? `${name} (${details.join(', ')})` : name;
}

/** A place in a document (0-based), and how many characters to select there. */
export interface TextSpot {
  readonly line: number;
  readonly character: number;
  readonly length: number;
}

const DATE_LINE = (date: string) => new RegExp(`\\bcollected\\s*:\\s*['"]?(${date.replace(/[-]/g, '\\-')})\\b`);

/**
 * Where a control's `evidence` key is in its text (where `evidence-gap` and its quick fix
 * sit), or, given a date, the `collected` value of the entry dated so under that key. The
 * frontmatter is the leading `---` block, or (a comply document) what comes before the first
 * `---` line. The start of the file when there is no such key.
 */
export function evidenceSpot(text: string, collected?: string): TextSpot {
  const lines = text.split(/\r?\n/);
  const opened = lines[0]?.trim() === '---';
  let end = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (end < 0) end = opened ? lines.length : 0;
  const key = lines.slice(0, end).findIndex((line) => /^evidence\s*:/.test(line));
  if (key < 0) return { line: 0, character: 0, length: 0 };
  if (collected) {
    const pattern = DATE_LINE(collected);
    for (let i = key; i < end; i++) {
      if (i > key && /^\S/.test(lines[i])) break;
      const match = pattern.exec(lines[i]);
      if (match) return { line: i, character: match.index + match[0].length - match[1].length, length: match[1].length };
    }
  }
  return { line: key, character: 0, length: 'evidence'.length };
}
