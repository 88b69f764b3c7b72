import type { AuditSpec } from './spec';
import {
  WINDOW_STATUSES,
  auditWindows,
  dueDate,
  isAuditFrequency,
  windowStatuses,
  type AuditFrequency,
  type AuditWindow,
  type EvidenceMark,
  type WindowStatus,
  type WindowStatusOptions,
} from './windows';

/** One `evidence` entry of a control, as its frontmatter gives it. */
export interface EvidenceItem extends EvidenceMark {
  readonly name?: string;
  readonly path?: string;
  readonly url?: string;
}

/** A control as the request list needs it: plain values, whatever read them. */
export interface RequestControl {
  readonly id: string;
  readonly title: string;
  readonly criteria: readonly string[];
  readonly owner?: string;
  /** As written; a value that is not a frequency counts as none (`invalid-value` reports it). */
  readonly frequency?: string;
  /** Workspace-relative path of the control's file. */
  readonly relPath: string;
  readonly evidence: readonly EvidenceItem[];
}

export interface EvidenceListInput {
  readonly organization?: string;
  readonly audit: AuditSpec;
  /** ISO date the list is made: windows ending before it have ended. */
  readonly today: string;
  readonly controls: readonly RequestControl[];
}

/** One row of the list an auditor sends (the PBC list): a control's evidence for one window. */
export interface EvidenceRequest {
  /** Stable while the control's id and the window do: `PBC-CTL-AC-01-2026-Q3`. */
  readonly id: string;
  readonly criteria: readonly string[];
  readonly control: { readonly id: string; readonly title: string; readonly relPath: string };
  readonly owner?: string;
  readonly frequency?: AuditFrequency;
  readonly window: AuditWindow;
  readonly due: string;
  readonly status: WindowStatus;
  /** The entries collected in the window. */
  readonly evidence: readonly EvidenceItem[];
}

export interface EvidenceList {
  readonly organization?: string;
  readonly audit: AuditSpec;
  readonly today: string;
  /** By control id, then window. */
  readonly requests: readonly EvidenceRequest[];
  readonly counts: Readonly<Record<WindowStatus, number>>;
}

/**
 * The request id of a control's window. A period or Type I window is the control's only
 * one, so its id is the control's alone.
 */
export function requestId(controlId: string, window: AuditWindow): string {
  return window.kind === 'period' || window.kind === 'as-of' ? `PBC-${controlId}` : `PBC-${controlId}-${window.label}`;
}

/** Ids compared as people number them: `CTL-2` before `CTL-10`, `CC6.2` before `CC6.10`. */
export function compareIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);
}

export function buildEvidenceList(input: EvidenceListInput, options: WindowStatusOptions = {}): EvidenceList {
  const controls = [...input.controls].sort((a, b) => compareIds(a.id, b.id));
  const requests: EvidenceRequest[] = [];
  for (const control of controls) {
    const frequency = isAuditFrequency(control.frequency) ? control.frequency : undefined;
    const states = windowStatuses(auditWindows(frequency, input.audit), control.evidence, input.today, options);
    for (const state of states) {
      requests.push({
        id: requestId(control.id, state.window),
        criteria: [...control.criteria].sort(compareIds),
        control: { id: control.id, title: control.title, relPath: control.relPath },
        ...(control.owner ? { owner: control.owner } : {}),
        ...(frequency ? { frequency } : {}),
        window: state.window,
        due: dueDate(state.window),
        status: state.status,
        evidence: state.evidence,
      });
    }
  }
  const counts = Object.fromEntries(WINDOW_STATUSES.map((status) => [status, requests.filter((r) => r.status === status).length])) as Record<WindowStatus, number>;
  return { ...(input.organization ? { organization: input.organization } : {}), audit: input.audit, today: input.today, requests, counts };
}

/**
 * The requests grouped by criterion, in criterion order, as auditors test: a request for a
 * control that meets several criteria appears under each, with the same id. Requests of
 * controls that claim no criterion come last, under the empty string.
 */
export function requestsByCriterion(requests: readonly EvidenceRequest[]): Map<string, EvidenceRequest[]> {
  const groups = new Map<string, EvidenceRequest[]>();
  for (const request of requests) {
    for (const criterion of request.criteria.length > 0 ? request.criteria : ['']) {
      const group = groups.get(criterion);
      if (group) group.push(request);
      else groups.set(criterion, [request]);
    }
  }
  const order = [...groups.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : compareIds(a, b)));
  return new Map(order.map((criterion) => [criterion, groups.get(criterion) ?? []]));
}
