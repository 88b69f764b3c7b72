import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { REPO } from '../helpers';

/** The walkthrough and the welcome content of the manifest: what they show exists, what they run is there. */

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string | Record<string, string>; svg?: string };
  completionEvents?: string[];
}

interface Manifest {
  contributes: {
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
    viewsWelcome: { view: string; contents: string }[];
    walkthroughs: { id: string; title: string; steps: Step[] }[];
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as Manifest;
const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
const views = new Set(Object.values(manifest.contributes.views).flatMap((list) => list.map((v) => v.id)));

/**
 * VS Code's own commands the walkthrough and welcome content may link to: the Problems panel
 * (a finding is fixed from there), the quick fix (a completion event), and opening a folder.
 */
const BUILT_IN_COMMANDS = new Set(['workbench.actions.view.problems', 'editor.action.quickFix', 'workbench.action.files.openFolder']);

/** The commands `[label](command:id?args)` links run. */
function commandLinks(text: string): string[] {
  return [...text.matchAll(/\]\(command:([\w.-]+)/g)].map((m) => m[1]);
}

function knownCommand(id: string): boolean {
  return contributed.has(id) || BUILT_IN_COMMANDS.has(id);
}

/** The fenced YAML block that follows `heading` in `markdown`. */
function yamlAfter(markdown: string, heading: string): string {
  const at = markdown.indexOf(heading);
  assert.ok(at >= 0, `"${heading}" is there`);
  const block = /```yaml\n([\s\S]*?)```/.exec(markdown.slice(at));
  assert.ok(block, `a YAML block follows "${heading}"`);
  return block[1];
}

describe('the walkthrough', () => {
  const walkthroughs = manifest.contributes.walkthroughs;
  const steps = walkthroughs.flatMap((w) => w.steps);

  it('goes from init to CI in the order a new user works', () => {
    assert.strictEqual(walkthroughs.length, 1);
    assert.deepStrictEqual(
      steps.map((s) => s.id),
      ['initialise', 'writePolicy', 'fixFinding', 'readCoverage', 'exportReport', 'addToCi'],
    );
    // The first step is the one the end-to-end test runs from the Welcome page.
    assert.deepStrictEqual(commandLinks(steps[0].description), ['attest.init']);
  });

  it('has a Markdown page for every step, and every page exists', () => {
    for (const step of steps) {
      assert.ok(step.media.markdown, `${step.id} has a Markdown page`);
      const file = path.join(REPO, step.media.markdown);
      assert.ok(fs.existsSync(file), `${step.id}: ${step.media.markdown} exists`);
      assert.match(fs.readFileSync(file, 'utf8'), /^# \S/, `${step.media.markdown} starts with a heading`);
      // The page ships: .vscodeignore puts media/** back into the package.
      assert.ok(step.media.markdown.startsWith('media/'), `${step.media.markdown} is under media/`);
    }
  });

  it('links every step but the CI one to a command it contributes (or to VS Code’s own)', () => {
    for (const step of steps) {
      const links = commandLinks(step.description);
      if (step.id === 'addToCi') {
        assert.match(step.description, /\]\(https:\/\/github\.com\/attest\/attest#in-ci\)/, 'the CI step links to the README’s CI section');
        continue;
      }
      assert.ok(links.length > 0, `${step.id} has a command link`);
      for (const id of links) assert.ok(knownCommand(id), `${step.id} links to ${id}, which is contributed`);
    }
  });

  it('completes each step on an event that can happen', () => {
    for (const step of steps) {
      assert.ok(step.completionEvents?.length, `${step.id} has completion events`);
      for (const event of step.completionEvents ?? []) {
        const [kind, target] = [event.slice(0, event.indexOf(':')), event.slice(event.indexOf(':') + 1)];
        if (kind === 'onCommand') assert.ok(knownCommand(target), `${step.id}: ${event} names a command that exists`);
        else if (kind === 'onView') assert.ok(views.has(target), `${step.id}: ${event} names a view Attest contributes`);
        else if (kind === 'onLink') assert.ok(step.description.includes(`](${target})`), `${step.id}: ${event} is a link of the step`);
        else assert.fail(`${step.id}: unexpected completion event ${event}`);
      }
    }
  });

  it('shows the same three CI lines as the README', () => {
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const page = fs.readFileSync(path.join(REPO, 'media', 'walkthrough', 'ci.md'), 'utf8');
    for (const [readmeHeading, pageHeading] of [
      ['### GitHub Actions', '## GitHub Actions'],
      ['### pre-commit', '## pre-commit'],
    ]) {
      const lines = yamlAfter(readme, readmeHeading);
      assert.strictEqual(lines.trim().split('\n').length, 3, `the README shows ${readmeHeading} in three lines`);
      assert.strictEqual(yamlAfter(page, pageHeading), lines, `the walkthrough shows ${pageHeading} as the README does`);
    }
  });
});

describe('the welcome content of the views', () => {
  it('belongs to views Attest contributes and links to commands that exist', () => {
    for (const welcome of manifest.contributes.viewsWelcome) {
      assert.ok(views.has(welcome.view), `${welcome.view} is a contributed view`);
      for (const id of commandLinks(welcome.contents)) assert.ok(knownCommand(id), `the welcome content of ${welcome.view} links to ${id}, which exists`);
    }
  });

  it('tells a workspace without an audit how to declare one in the Evidence view', () => {
    const noAudit = manifest.contributes.viewsWelcome.find((w) => w.view === 'attest.evidence' && w.contents.includes('audit: { type: 2, period:'));
    assert.ok(noAudit, 'the Evidence view shows how to declare a Type II audit');
    assert.deepStrictEqual(commandLinks(noAudit.contents), ['attest.openAuditConfig']);
  });
});
