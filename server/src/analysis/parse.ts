// Draft parser: splits a national draft into a tree of provisions with exact
// spans, and collects defined terms and references.
//
// Conventions (see also the report in the commit history):
//  - Every provision starts at the start of its line (indentation included),
//    except subdivisions opened inline ("14. (1) …", "§ 1030(a)(2)", "(a) Whoever— (1) …"),
//    which start at their marker. A section with a marginal heading starts at
//    the heading line.
//  - ownSpans of all provisions, in document order, tile the text exactly;
//    children tile their parent's span after its ownSpan.
//  - Text before the first provision is a `preamble` provision (id "preamble")
//    when it contains something other than white space; white space alone is
//    folded into the first provision. Text after the last provision belongs to
//    the last provision (no `trailing` provision is produced).
//  - A table of contents at the head of the draft is parsed as sections (they keep the plain ids;
//    the body's copies get "~2"); `contents` names them, and units and references leave them out.
//  - Ids are path-based: "part-2/s-14/1/a", "chapter-ii/art-12-bis/1",
//    "h-definitions" (Markdown heading without a number), duplicates get "~2", "~3" ….
//
// Linear time: lines are classified from a bounded prefix (HEAD_MAX chars);
// whole-text scans use regular expressions without nested unbounded quantifiers.
//
// The parser is split by concern under parse/: lines, markers (line classification), headings,
// tree, definitions, references, contents (a table of contents at the head), full (the whole
// parse), incremental (reparse after an edit) and state (what a parse keeps for the next). The words it reads come from data/languages/*.json
// through a ParserVocabulary (vocabulary.ts).

export { parseProvisions, parseProvisionsStrict, parseSteps } from './parse/full';
export { findEdit, reparseProvisions, retitledProvision, sameTree, type TextEdit } from './parse/incremental';
export { bodyCopyOf } from './parse/contents';
