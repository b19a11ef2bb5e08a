// Architecture invariants (ARCHITECTURE.md), read from the source with the TypeScript parser:
// the analysis core imports no editor API; the client imports no server values (but for the one
// listed) and shares only shared/protocol.ts, which imports only types from the server; each
// concordance/* method is written once; server files import one another without circles; the
// parser and language detector hold no legal vocabulary (it is in data/languages/); the core names
// no language but the base one (the languages are data); and the core keeps no mutable state at
// module level but memos and scratch (listed).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import ts from 'typescript';
import { findDataDir } from '../../src/analysis/data/load';
import type { LanguageData } from '../../src/analysis/data/types';

const root = path.dirname(findDataDir(__dirname));
const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFiles(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out.sort();
}

interface Import {
  /** As written: "./parse", "vscode". */
  specifier: string;
  /** The project file it names (relative specifiers only), else undefined. */
  target?: string;
  /** Only types are imported (erased from the JavaScript). */
  typeOnly: boolean;
}

function source(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

function resolveRelative(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [base + '.ts', path.join(base, 'index.ts'), base]) if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  return undefined;
}

/** Every import, export … from, import = require() and dynamic import() of a file. */
function importsOf(file: string): Import[] {
  const out: Import[] = [];
  const add = (spec: string, typeOnly: boolean) => out.push({ specifier: spec, target: resolveRelative(file, spec), typeOnly });
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const c = node.importClause;
      let typeOnly = c !== undefined && c.isTypeOnly;
      if (c && !typeOnly && !c.name && c.namedBindings && ts.isNamedImports(c.namedBindings)) {
        const els = c.namedBindings.elements;
        typeOnly = els.length > 0 && els.every((e) => e.isTypeOnly);
      }
      add(node.moduleSpecifier.text, typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const els = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      add(node.moduleSpecifier.text, node.isTypeOnly || (els !== undefined && els.length > 0 && els.every((e) => e.isTypeOnly)));
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      add(node.moduleReference.expression.text, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require')) add(node.arguments[0].text, false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source(file));
  return out;
}

const serverFiles = [...tsFiles(path.join(root, 'server', 'src')), ...tsFiles(path.join(root, 'shared'))];
const imports = new Map(serverFiles.map((f) => [f, importsOf(f)] as const));

describe('architecture invariants', () => {
  it('nothing under server/src/analysis/ imports vscode or vscode-languageserver*', () => {
    const bad: string[] = [];
    for (const f of tsFiles(path.join(root, 'server', 'src', 'analysis'))) {
      for (const i of imports.get(f)!) if (/^vscode(?:$|\/|-languageserver)/.test(i.specifier)) bad.push(`${rel(f)} imports ${i.specifier}`);
    }
    assert.deepStrictEqual(bad, []);
  });

  // Values the client imports from the server today (it bundles them into the extension).
  // Do not add to this list: move the code to shared/, or ask the server over the protocol.
  const CLIENT_SERVER_VALUES = [
    // The format readers run where vscode.workspace.fs can read the file (remote and virtual
    // folders too); they are pure code with no server state.
    'client/src/sourceDocs.ts imports server/src/formats/read.ts',
  ];

  it('client/src imports no server values (types only), but for the listed ones', () => {
    const found: string[] = [];
    // The editor tests may share the unit tests' fixture builders; the extension itself may not.
    for (const f of tsFiles(path.join(root, 'client', 'src')).filter((x) => !rel(x).startsWith('client/src/test/'))) {
      for (const i of importsOf(f)) {
        if (i.typeOnly || !i.target) continue;
        if (rel(i.target).startsWith('server/')) found.push(`${rel(f)} imports ${rel(i.target)}`);
      }
    }
    assert.deepStrictEqual(found.filter((x) => !CLIENT_SERVER_VALUES.includes(x)), [], 'new value imports from the server');
  });

  it('server/src and shared/ files import one another without circles (types included)', () => {
    const circles = stronglyConnected(serverFiles, (f) => imports.get(f)!.flatMap((i) => (i.target && imports.has(i.target) ? [i.target] : [])));
    assert.deepStrictEqual(circles.map((c) => c.map(rel).sort()), [], 'import circles');
  });

  it('shared/ (the protocol) imports only types from the server, and values only from the protocol libraries', () => {
    const shared = tsFiles(path.join(root, 'shared'));
    assert.ok(shared.some((f) => rel(f) === 'shared/protocol.ts'));
    const bad: string[] = [];
    for (const f of shared) {
      for (const i of imports.get(f)!) {
        if (i.typeOnly) continue;
        if (i.target ? !rel(i.target).startsWith('shared/') : !/^vscode-(?:languageserver-protocol|jsonrpc)$/.test(i.specifier)) bad.push(`${rel(f)} imports ${i.specifier}`);
      }
    }
    assert.deepStrictEqual(bad, []);
  });

  it('each concordance/* method is written once, in shared/protocol.ts', () => {
    const files = [...serverFiles, ...tsFiles(path.join(root, 'client', 'src')).filter((x) => !rel(x).startsWith('client/src/test/'))];
    const written = new Map<string, string[]>();
    for (const f of files) {
      for (const lit of literals(source(f))) {
        if (/^concordance\/[\w/]+$/.test(lit)) written.set(lit, [...(written.get(lit) ?? []), rel(f)]);
      }
    }
    assert.ok(written.get('concordance/coverage')?.includes('shared/protocol.ts'), 'the methods looked for');
    const bad = [...written].filter(([, where]) => where.length !== 1 || where[0] !== 'shared/protocol.ts').map(([m, where]) => `${m}: ${where.join(', ')}`);
    assert.deepStrictEqual(bad, []);
  });

  it('the parser (parse.ts, parse/) and the language detector hold no legal vocabulary: it is in data/languages/', () => {
    const dir = path.join(findDataDir(__dirname), 'languages');
    const words = new Set<string>();
    for (const f of fs.readdirSync(dir)) {
      const l = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as LanguageData;
      const p = l.parser ?? {};
      // Stop words and the other function words ("of", "the", "this") are left out: too short and common to look for.
      const lists = [
        ...(p.divisions ?? []).map((d) => d.words),
        p.divisionNumbers,
        p.sectionWords,
        p.articleWords,
        p.articleNumbers,
        p.sentenceVerbs,
        p.definitionVerbs,
        p.conventionNames,
        p.conventionQualifiers,
        p.otherTreaties,
        p.referenceWords?.article,
        p.referenceWords?.section,
        p.referenceWords?.subsection,
        p.paragraphWords,
        p.and,
        p.or,
        p.rangeWords,
        p.wrappedReferenceJoiners,
        p.wrappedReferenceOf,
      ];
      for (const list of lists) for (const w of list ?? []) if (w.replace(/[^\p{L}]/gu, '').length >= 2) words.add(w.replace(/\.$/, ''));
    }
    assert.ok(words.has('Convention') && words.has('Budapest') && words.has('Artículo') && words.has('signifie'), 'the words looked for');
    const analysis = path.join(root, 'server', 'src', 'analysis');
    const files = [...['parse.ts', 'language.ts', 'vocabulary.ts'].map((f) => path.join(analysis, f)), ...tsFiles(path.join(analysis, 'parse'))];
    assert.ok(files.length > 3 && files.every((f) => fs.existsSync(f)));
    // Literals that are exactly a name the code uses as a key (a provision's kind, an id prefix,
    // a language code) are identifiers, not words read in a draft.
    const NAMES = new Set(['section', 'subsection', 'paragraph', 'subparagraph', 'article', 'art', 'en', 'es', 'fr']);
    const bad: string[] = [];
    for (const f of files) {
      for (const lit of literals(source(f))) {
        if (NAMES.has(lit)) continue;
        for (const w of words) {
          // As a word of a string, template or pattern (comments may name examples).
          const re = new RegExp(`(?<![\\p{L}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u');
          if (re.test(lit)) bad.push(`${rel(f)}: "${w}" in ${lit.slice(0, 60)}`);
        }
      }
    }
    assert.deepStrictEqual(bad, []);
  });

  // The core names no language but the base one: the languages are data (data/languages/), and
  // code that loops over them takes them from the data. Data loading and its types (data/) may
  // name the languages the main files key their cues by; messages.ts names the display languages
  // the server's messages are translated into (data/messages/), which are not draft languages.
  const LANGUAGE_NAMED: Record<string, string> = {
    'server/src/analysis/messages.ts': 'the display languages of the messages (VS Code locale → data/messages/<locale>.json)',
  };

  it('the core names no language code but the base one (en) outside data loading: the languages come from data/languages/', () => {
    const dataDir = findDataDir(__dirname);
    const codes = new Set(
      fs
        .readdirSync(path.join(dataDir, 'languages'))
        .map((f) => (JSON.parse(fs.readFileSync(path.join(dataDir, 'languages', f), 'utf8')) as LanguageData).language)
        .filter((c) => c !== 'en'),
    );
    assert.ok(codes.has('es') && codes.has('fr'), 'the codes looked for');
    const analysis = path.join(root, 'server', 'src', 'analysis');
    const bad: string[] = [];
    for (const f of tsFiles(analysis)) {
      const r = rel(f);
      if (r.startsWith('server/src/analysis/data/') || r in LANGUAGE_NAMED) continue;
      const sf = source(f);
      const visit = (node: ts.Node): void => {
        // A code as a string ('es'), a property read (cues.es) or a key written ({ es: … }).
        let name: string | undefined;
        if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) name = node.text;
        else if (ts.isPropertyAccessExpression(node)) name = node.name.text;
        else if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && ts.isIdentifier(node.name)) name = node.name.text;
        if (name !== undefined && codes.has(name)) bad.push(`${r}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText().slice(0, 60)}`);
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    assert.deepStrictEqual(bad, []);
    for (const f of Object.keys(LANGUAGE_NAMED)) assert.ok(fs.existsSync(path.join(root, f)), `listed but gone: ${f}`);
  });

  // Module-level state in the core: each is a memo of a pure function of its key or scratch
  // space reused within one synchronous call, never settings or data of one Analyzer (those live
  // in the Analyzer: see isolation.test.ts). A new entry needs the same reason, or a place in the Analyzer.
  const MODULE_STATE: Record<string, string> = {
    'server/src/analysis/analyze.ts contextMemos': 'memo per parse: the headings above each section',
    'server/src/analysis/units.ts unitLists': 'memo per parse: the units matched',
    'server/src/analysis/parse/references.ts childCache': 'memo per provision: its children by label',
    'server/src/analysis/parse/state.ts states': 'what reparsing needs of each parse, keyed by the parse',
    'server/src/analysis/parse/state.ts treeCount': 'a counter naming trees, compared only for equality',
    'server/src/analysis/data/load.ts cached': 'the shipped data, loaded once (read-only)',
    'server/src/analysis/data/load.ts articlesByNumber': 'memo per data set: articles by number',
    'server/src/analysis/vocabulary.ts bundled': 'the shipped languages compiled once (read-only)',
    'server/src/analysis/tokens.ts stemmers': 'the stemmers by algorithm name, which hold no rules',
    'server/src/analysis/tokens.ts plain': 'a tokenizer with no spelling rules, for tests and tools',
    'server/src/analysis/tokens.ts classes': 'memo of Unicode character classes',
    'server/src/analysis/tokens.ts cursor': 'scratch of the scanner',
    'server/src/analysis/porter2.ts buf': 'scratch of the stemmer',
    'server/src/analysis/porter2.ts n': 'scratch of the stemmer',
    'server/src/analysis/porter2.ts snowballEnglish': 'the reference stemmer, loaded on first use',
    'server/src/analysis/cues.ts lastPlain': 'memo of the last token index built, keyed by its token array',
    'server/src/analysis/cues.ts runScratch': 'scratch of the token runs',
    'server/src/analysis/cues.ts block': 'the shared block token runs are cut from',
    'server/src/analysis/cues.ts scratch': 'scratch of the token index',
    'server/src/analysis/porter2.ts EXCEPTIONS': 'a constant table of the stemmer',
  };

  it('the core keeps no settings or data at module level: only the listed memos and scratch', () => {
    const found: string[] = [];
    for (const f of tsFiles(path.join(root, 'server', 'src', 'analysis'))) {
      for (const st of source(f).statements) {
        if (!ts.isVariableStatement(st)) continue;
        const isLet = (st.declarationList.flags & ts.NodeFlags.Const) === 0;
        for (const d of st.declarationList.declarations) {
          const init = d.initializer;
          // A `let`; an object, list or `new` one under a lower-case name (UPPER_CASE names are
          // constant tables); a Map, WeakMap or cache under any name.
          const made = init !== undefined && (ts.isNewExpression(init) || ts.isObjectLiteralExpression(init) || ts.isArrayLiteralExpression(init));
          const mutable = isLet || (made && !/^[A-Z][A-Z0-9_]*$/.test(d.name.getText())) || (init !== undefined && /^new (?:Weak)?Map\b|^new LruCache\b/.test(init.getText()));
          if (mutable) found.push(`${rel(f)} ${d.name.getText()}`);
        }
      }
    }
    assert.ok(found.includes('server/src/analysis/tokens.ts cursor'), 'the declarations looked for');
    assert.deepStrictEqual(found.filter((x) => !(x in MODULE_STATE)), [], 'module-level state not listed');
    assert.deepStrictEqual(Object.keys(MODULE_STATE).filter((x) => !found.includes(x)), [], 'listed but gone: take it off the list');
  });
});

/** The text of every string, template and regular expression literal (comments left out). */
function literals(sf: ts.SourceFile): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isRegularExpressionLiteral(node)) out.push(node.text);
    else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) out.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Sets of two or more nodes that reach one another (Tarjan), and nodes that import themselves. */
function stronglyConnected(nodes: string[], next: (n: string) => string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let i = 0;
  const strong = (v: string): void => {
    index.set(v, i);
    low.set(v, i++);
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!index.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1 || next(v).includes(v)) out.push(c);
    }
  };
  for (const n of nodes) if (!index.has(n)) strong(n);
  return out;
}
