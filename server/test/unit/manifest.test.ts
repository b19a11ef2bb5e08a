// The extension's manifest and what ships with it: localized strings (package.nls*.json, l10n/),
// settings that VS Code can validate, README links that work inside the packaged .vsix, the
// Get Started walkthrough.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { STRUCTURED_EXTENSIONS } from '../../src/formats/read';

const root = path.resolve(__dirname, '../../../..');
const read = (f: string): string => fs.readFileSync(path.join(root, f), 'utf8');
const manifest = JSON.parse(read('package.json'));
const LOCALES = ['es', 'fr'];

/** The `!pattern` lines of .vscodeignore (everything else is excluded by its `**`). */
function shipped(file: string): boolean {
  const patterns = read('.vscodeignore')
    .split(/\r?\n/)
    .filter((l) => l.startsWith('!'))
    .map((l) => l.slice(1).trim());
  return patterns.some((p) => globToRegExp(p).test(file));
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else re += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** GitHub-style heading anchors of a Markdown file. */
function anchors(markdown: string): Set<string> {
  const out = new Set<string>();
  for (const m of markdown.matchAll(/^#{1,6}\s+(.*)$/gm)) {
    out.add(
      m[1]
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-'),
    );
  }
  return out;
}

/** Placeholders {0}, {1} … of a message, sorted. */
const placeholders = (s: string): string[] => [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort();

describe('extension manifest', () => {
  describe('package.nls*.json', () => {
    const keys = new Set([...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
    const english = JSON.parse(read('package.nls.json'));

    it('every command title is localized (a %key%)', () => {
      const commands = (manifest as { contributes: { commands: { command: string; title: string }[] } }).contributes.commands;
      assert.deepStrictEqual(commands.filter((c) => !/^%[^%]+%$/.test(c.title)).map((c) => c.command), []);
    });

    it('every %key% of package.json has an English string, and no string is unused', () => {
      assert.ok(keys.size > 40, `found the keys (${keys.size})`);
      assert.deepStrictEqual([...keys].filter((k) => !(k in english)), []);
      assert.deepStrictEqual(Object.keys(english).filter((k) => !keys.has(k)), []);
    });

    for (const locale of LOCALES) {
      it(`${locale}: every string is translated`, () => {
        const bundle = JSON.parse(read(`package.nls.${locale}.json`));
        assert.deepStrictEqual(Object.keys(bundle).sort(), Object.keys(english).sort());
        const same = Object.keys(english).filter((k) => !bundle[k] || (bundle[k] === english[k] && !/^(Concordance|CSV|HTML|Markdown)$/.test(english[k])));
        assert.deepStrictEqual(same, [], 'empty or left in English');
        for (const k of Object.keys(english)) {
          // Command links and code spans must survive translation.
          const tokens = (s: string) => [...s.matchAll(/\(command:[^)]+\)|`[^`]+`/g)].map((m) => m[0]).sort();
          assert.deepStrictEqual(tokens(bundle[k]), tokens(english[k]), `${k}: command links and code spans`);
        }
      });
    }
  });

  it('opens as analysed text the structured documents the readers take: the default editor and the Explorer command name the same endings', () => {
    const endings = STRUCTURED_EXTENSIONS.map((e) => e.slice(1)).sort();
    const editor = manifest.contributes.customEditors.find((e: { viewType: string }) => e.viewType === 'concordance.analysedText');
    // An .xml file opens as XML (with its analysed text beside it when it is Akoma Ntoso): not in the default editor.
    assert.deepStrictEqual(editor.selector.map((s: { filenamePattern: string }) => s.filenamePattern.replace('*.', '')).sort(), endings.filter((e) => e !== 'xml'));
    const command = manifest.contributes.menus['explorer/context'].find((m: { command: string }) => m.command === 'concordance.openAsAnalysedText');
    assert.deepStrictEqual(/\(([a-z|]+)\)/.exec(command.when)![1].split('|').sort(), endings);
  });

  describe('settings', () => {
    const props = manifest.contributes.configuration.properties;
    const codes = JSON.parse(read('data/checks.json')).codes.map((c: { code: string }) => c.code);
    const families = [...new Set(JSON.parse(read('data/checks.json')).codes.map((c: { family: string }) => c.family))];

    it('each has a markdownDescription and an explicit scope', () => {
      for (const [key, p] of Object.entries<Record<string, unknown>>(props)) {
        assert.ok(key.startsWith('concordance.'), key);
        assert.ok(typeof p.markdownDescription === 'string', `${key}: markdownDescription`);
        assert.ok(typeof p.scope === 'string', `${key}: scope`);
      }
      assert.ok(props['concordance.trace.server'], 'concordance.trace.server is kept');
    });

    it('what the server reads per document has resource scope', () => {
      for (const key of ['concordance.checks', 'concordance.severity', 'concordance.maxDiagnostics', 'concordance.table.include']) assert.strictEqual(props[key].scope, 'resource', key);
      // The document selector is fixed when the client starts: one list for the window.
      assert.strictEqual(props['concordance.languages'].scope, 'window');
    });

    it('severity keys are exactly the diagnostic codes of data/checks.json (typos are rejected)', () => {
      const sev = props['concordance.severity'];
      assert.deepStrictEqual(Object.keys(sev.properties).sort(), [...codes].sort());
      assert.deepStrictEqual([...sev.propertyNames.enum].sort(), [...codes].sort());
      assert.strictEqual(sev.additionalProperties, false);
      for (const code of codes) assert.deepStrictEqual(sev.properties[code].enum, ['error', 'warning', 'information', 'hint', 'off'], code);
    });

    it('check families are exactly those of data/checks.json', () => {
      const checks = props['concordance.checks'];
      assert.deepStrictEqual(Object.keys(checks.properties).sort(), [...families].sort());
      assert.strictEqual(checks.additionalProperties, false);
    });
  });

  describe('package contents', () => {
    it('the icon exists and is shipped', () => {
      assert.ok(fs.existsSync(path.join(root, manifest.icon)), manifest.icon);
      assert.ok(shipped(manifest.icon));
      assert.strictEqual(fs.readFileSync(path.join(root, manifest.icon)).subarray(1, 4).toString('latin1'), 'PNG');
    });

    it('`npm run package` cannot stop at a prompt about the repository', () => {
      assert.ok(manifest.repository || / --allow-missing-repository\b/.test(manifest.scripts.package), 'no repository and no --allow-missing-repository');
    });

    for (const doc of ['README.md', 'CHANGELOG.md']) {
      it(`every relative link of ${doc} opens a shipped file (and its anchor exists)`, () => {
        assert.ok(shipped(doc), `${doc} is shipped`);
        const text = read(doc);
        const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((l) => !/^[a-z]+:/i.test(l) && !l.startsWith('#'));
        for (const link of links) {
          const [file, anchor] = link.split('#');
          const rel = path.posix.normalize(path.posix.join(path.posix.dirname(doc), file));
          // vsce renames these two in the package (readme.md, changelog.md): a link to them breaks on a case-sensitive disk.
          assert.ok(!/^(README|CHANGELOG)\.md$/i.test(rel) || rel === doc, `${doc} links to ${rel}, renamed in the package`);
          assert.ok(fs.existsSync(path.join(root, rel)), `${doc} links to ${rel}, which does not exist`);
          assert.ok(shipped(rel), `${doc} links to ${rel}, which .vscodeignore leaves out of the package`);
          if (anchor) assert.ok(anchors(read(rel)).has(anchor), `${doc} links to ${rel}#${anchor}, which has no such heading`);
        }
        for (const m of text.matchAll(/\]\(#([^)]+)\)/g)) assert.ok(anchors(text).has(m[1]), `${doc}: no heading for #${m[1]}`);
      });
    }

    it('the README keeps the two set-up commands', () => {
      assert.match(read('README.md'), /npm install && npm start/);
      assert.match(read('README.md'), /npm test/);
      assert.match(read('CONTRIBUTING.md'), /npm install && npm start/);
    });
  });

  describe('Get Started walkthrough', () => {
    const walkthrough = manifest.contributes.walkthroughs[0];
    const commands = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
    const english = JSON.parse(read('package.nls.json'));

    it('has the six steps, each with a shipped Markdown page', () => {
      assert.deepStrictEqual(
        walkthrough.steps.map((s: { id: string }) => s.id.split('.').pop()),
        ['openSample', 'hover', 'problems', 'quickFix', 'compare', 'table'],
      );
      for (const s of walkthrough.steps) {
        assert.ok(fs.existsSync(path.join(root, s.media.markdown)), s.media.markdown);
        assert.ok(shipped(s.media.markdown), `${s.media.markdown} is shipped`);
      }
      assert.ok(shipped('examples/cybercrime-bill.draft'), 'the sample bill is shipped');
    });

    it('every command it links to or waits for is ours or a built-in one', () => {
      const used: string[] = [];
      for (const s of walkthrough.steps) {
        for (const m of english[s.description.replace(/%/g, '')].matchAll(/\(command:([^)?]+)/g)) used.push(m[1]);
        for (const e of s.completionEvents ?? []) if (e.startsWith('onCommand:')) used.push(e.slice('onCommand:'.length));
      }
      assert.ok(used.length >= 4);
      for (const c of used) assert.ok(commands.has(c) || c.startsWith('workbench.'), `unknown command ${c}`);
    });
  });

  describe('l10n bundles (vscode.l10n.t)', () => {
    /** The message literals the client passes to vscode.l10n.t (and html.ts to its `t`). The server's words are data/messages (messages.test.ts). */
    function messages(): Map<string, string> {
      const out = new Map<string, string>();
      const dir = path.join(root, 'client/src');
      const files = fs.readdirSync(dir).filter((n) => n.endsWith('.ts')).map((n) => path.join(dir, n));
      for (const file of files) {
        const f = path.basename(file);
        const text = fs.readFileSync(file, 'utf8');
        const re = f === 'html.ts' ? /\bt\(\s*'((?:[^'\\]|\\.)*)'/g : /\bl10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g;
        for (const m of text.matchAll(re)) out.set(m[1].replace(/\\'/g, "'").replace(/\\\\/g, '\\'), f);
        const unchecked = f === 'html.ts' ? /\bt\(\s*[`"]/ : /\bl10n\.t\(\s*[`"]/;
        assert.ok(!unchecked.test(text), `${f}: a message in a template or double-quoted literal cannot be checked`);
      }
      return out;
    }

    it('finds the messages', () => {
      assert.ok(messages().size > 60, `${messages().size} messages`);
    });

    for (const locale of LOCALES) {
      it(`${locale}: every message is translated with the same placeholders, and none is stale`, () => {
        const bundle: Record<string, string> = JSON.parse(read(`l10n/bundle.l10n.${locale}.json`));
        const msgs = messages();
        const missing = [...msgs.keys()].filter((k) => !(k in bundle));
        assert.deepStrictEqual(missing, [], `missing in l10n/bundle.l10n.${locale}.json`);
        assert.deepStrictEqual(Object.keys(bundle).filter((k) => !msgs.has(k)), [], 'stale entries');
        for (const [k, v] of Object.entries(bundle)) {
          assert.ok(v.trim(), `${k}: empty`);
          assert.deepStrictEqual(placeholders(v), placeholders(k), `${k}: placeholders`);
        }
      });
    }

    it('the manifest points VS Code at the bundles', () => {
      assert.strictEqual(manifest.l10n, './l10n');
      for (const locale of LOCALES) assert.ok(shipped(`l10n/bundle.l10n.${locale}.json`));
    });
  });
});
