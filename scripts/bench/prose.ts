/**
 * Seeded text for generated documents: sentences, paragraphs, lists, tables and fenced code
 * written the way policy authors write them, so that a parser meets the same constructs
 * (links, emphasis, inline code, criterion ids, suppression comments) in the same density.
 */

/** A small, fast, seedable generator (mulberry32): the same seed gives the same workspace. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(from: number, to: number): number {
    return from + Math.floor(this.next() * (to - from + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }

  /** `count` distinct items of `list`, in the list's order. */
  some<T>(list: readonly T[], count: number): T[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, list.length)) chosen.add(Math.floor(this.next() * list.length));
    return [...chosen].sort((a, b) => a - b).map((i) => list[i]);
  }
}

/** A link the prose may cite: another generated document, by its title and relative path. */
export interface LinkTarget {
  readonly title: string;
  readonly href: string;
}

const ROLES = ['The Head of Security', 'The system owner', 'IT Operations', 'The data owner', 'The ML Platform team', 'The control owner', 'The Head of People', 'The on-call engineer', 'The compliance lead', 'Each manager', 'The model owner', 'The security engineer on duty'];
const ACTIONS = ['reviews', 'approves', 'records', 'exports', 'confirms', 'reconciles', 'signs off', 'escalates', 'revokes', 'rotates', 'tests', 'monitors', 'archives'];
const OBJECTS = ['every privileged account', 'the access list of each production system', 'the change tickets merged to the main branch', 'the backup restore results', 'the list of training datasets and their owners', 'the vendor questionnaire', 'the alert rules of the logging platform', 'the encryption keys of the data lake', 'the firewall rules of the production network', 'the evaluation report of each candidate model', 'the exceptions register', 'the incident timeline', 'the onboarding checklist of new hires'];
const WHEN = ['every quarter', 'within 5 business days', 'before each release', 'every month', 'within 24 hours of the event', 'at least once a year', 'after every significant change', 'each time the control runs', 'before the model is promoted', 'within 30 days of hire'];
const TAILS = ['and keeps the record in the evidence store', 'and raises a ticket for every exception', 'with a second person checking the result', 'so that the auditor can re-perform the check', 'and reports open items to the security committee', 'using the template in the compliance folder', 'and files the export with its date', ''];
const SYSTEMS = ['identity provider', 'cloud accounts', 'Kubernetes clusters', 'model registry', 'feature store', 'source code host', 'CI/CD pipeline', 'logging platform', 'data warehouse', 'ticketing system'];
const LABELS = ['Owner', 'Frequency', 'Input', 'Output', 'Exception', 'Escalation', 'Retention', 'Scope', 'Tooling', 'Record'];
const CODE_SAMPLES: readonly (readonly string[])[] = [
  ['```yaml', 'retention:', '  raw_events: 400d', '  feature_snapshots: 180d', '  model_checkpoints: 3 versions', '```'],
  ['```bash', 'gcloud projects get-iam-policy "$PROJECT" --format=json > "iam-$(date +%F).json"', 'jq \'.bindings[] | select(.role | test("admin"))\' "iam-$(date +%F).json"', '```'],
  ['```sql', 'SELECT user_name, role, last_login', 'FROM access_export', "WHERE last_login < now() - interval '90 days'", 'ORDER BY last_login;', '```'],
  ['```json', '{ "model": "ranker", "version": "2.4.1", "dataset": "clicks-2026-09", "approved_by": "ml-reviewer" }', '```'],
  ['```text', 'ticket: SEC-1234', 'system: model registry', 'result: 3 accounts removed, 41 kept', '```'],
];

/** Criterion ids, links and inline code mixed into prose at the density of the starter library. */
export class Prose {
  constructor(
    private readonly random: Random,
    private readonly criteria: readonly string[],
    private readonly links: () => LinkTarget | undefined,
  ) {}

  sentence(): string {
    const r = this.random;
    let text = `${r.pick(ROLES)} ${r.pick(ACTIONS)} ${r.pick(OBJECTS)} ${r.pick(WHEN)}`;
    const tail = r.pick(TAILS);
    if (tail) text += ` ${tail}`;
    const extra = r.next();
    if (extra < 0.12) {
      const link = this.links();
      if (link) text += `, as the [${link.title}](${link.href}) describes`;
    } else if (extra < 0.2) {
      text += `, which supports ${r.pick(this.criteria)}`;
    } else if (extra < 0.25) {
      text += ` (see the [runbook](https://wiki.example.com/runbooks/${r.int(100, 999)}))`;
    } else if (extra < 0.32) {
      text += ` under \`evidence/${r.pick(SYSTEMS).replace(/[^a-z]+/gi, '-').toLowerCase()}/<year>-Q<n>/\``;
    } else if (extra < 0.37) {
      text += `; the **${r.pick(SYSTEMS)}** is included`;
    }
    return `${text}.`;
  }

  paragraph(sentences = this.random.int(2, 5)): string {
    return Array.from({ length: sentences }, () => this.sentence()).join(' ');
  }

  list(items = this.random.int(3, 7)): string {
    const ordered = this.random.chance(0.4);
    const labelled = this.random.chance(0.4);
    return Array.from({ length: items }, (_, i) => {
      const marker = ordered ? `${i + 1}.` : '-';
      const label = labelled ? `**${this.random.pick(LABELS)}:** ` : '';
      return `${marker} ${label}${this.sentence()}`;
    }).join('\n');
  }

  table(): string {
    const r = this.random;
    const rows = Array.from({ length: r.int(3, 8) }, () => `| ${r.pick(SYSTEMS)} | ${r.pick(ROLES).replace(/^The /, '')} | ${r.pick(WHEN)} | ${r.pick(this.criteria)} |`);
    return ['| System | Owner | When | Criterion |', '| --- | --- | --- | --- |', ...rows].join('\n');
  }

  code(): string {
    return this.random.pick(CODE_SAMPLES).join('\n');
  }

  /** One block of a section's body, in the proportions the library's documents show. */
  block(): string {
    const x = this.random.next();
    if (x < 0.5) return this.paragraph();
    if (x < 0.8) return this.list();
    if (x < 0.9) return this.table();
    if (x < 0.97) return this.code();
    return `### ${this.random.pick(LABELS)} for the ${this.random.pick(SYSTEMS)}\n\n${this.paragraph()}`;
  }
}
