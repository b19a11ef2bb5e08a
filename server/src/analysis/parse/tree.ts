// The provision tree: nesting of divisions, sections and subdivisions, path-based ids, and the provision that owns an offset.
// Part of the draft parser (../parse.ts: the conventions every part keeps).

import { lastAtOrBefore } from '../text';
import type { Building, Provision, ProvisionKind } from '../types';
import type { Marker } from './markers';

export const MAX_DEPTH = 100;
export const MAX_ID_PART = 40;

/** The children of every leaf (never added to: a provision gets its own list with its first child). */
export const NO_CHILDREN: string[] = Object.freeze([]) as unknown as string[];

/** Bookkeeping the tree builder keeps beside each provision. */
export interface Meta {
  prov: Building<Provision>;
  /** Division rank (smaller = higher). */
  rank: number;
  /** Subdivision type key ("num", "lower", "roman", …, "dec"); '' for divisions and sections. */
  subType: string;
  /** Decimal components (for "dec"). */
  comps: number;
  /** The marker without brackets (for the "(i) after (h)" rule). */
  core: string;
  /** Number of subdivision ancestors + 1 (0 for sections, divisions and the preamble). */
  subLevel: number;
  hasChild: boolean;
}

export const ROMAN_LOWER_RE = /^(?:x{0,3})(?:ix|iv|v?i{0,3})$/;
export const ROMAN_UPPER_RE = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;

export function prevLetter(core: string): string {
  if (core.length === 0) return '';
  const last = core.charCodeAt(core.length - 1);
  const prev = String.fromCharCode(last - 1);
  // "(ii)" after "(hh)" in doubled-letter lists
  if (core.length > 1 && /^(.)\1*$/.test(core)) return prev.repeat(core.length);
  return core.slice(0, -1) + prev;
}

export function slug(s: string, lower = true): string {
  if (/^[A-Za-z0-9]{1,12}$/.test(s)) return lower ? s.toLowerCase() : s;
  let t = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (lower) t = t.toLowerCase();
  t = t.replace(/[^A-Za-z0-9.]+/g, '-').replace(/^-+|-+$/g, '');
  if (t.length > MAX_ID_PART) t = t.slice(0, MAX_ID_PART).replace(/-+$/, '');
  return t;
}

export class TreeBuilder {
  readonly provisions: Provision[] = [];
  /** Each provision's index in `provisions`, by id. */
  readonly indexOf = new Map<string, number>();
  private readonly stack: Meta[] = [];
  private readonly typeIdx = new Map<string, number[]>();
  private readonly decIdx: number[] = [];
  /** Last "~n" suffix handed out for an id that occurred more than once. */
  private readonly dupCount = new Map<string, number>();
  private readonly ranks = new Map<string, number>();
  private lastStart = 0;

  private pop(at: number): void {
    const m = this.stack.pop()!;
    m.prov.span.end = at;
    // A leaf's own text is all of it: one span object serves as both (thousands fewer objects kept).
    if (!m.hasChild) {
      if (m.prov.ownSpan.start === m.prov.span.start) m.prov.ownSpan = m.prov.span;
      else m.prov.ownSpan.end = at;
    }
    if (m.subType !== '') {
      const idx = this.stack.length;
      const arr = this.typeIdx.get(m.subType);
      if (arr !== undefined && arr.length > 0 && arr[arr.length - 1] === idx) arr.pop();
      if (m.subType === 'dec' && this.decIdx.length > 0 && this.decIdx[this.decIdx.length - 1] === idx) this.decIdx.pop();
    }
  }

  private popTo(len: number, at: number): void {
    while (this.stack.length > len) this.pop(at);
  }

  private uniqueId(id: string): string {
    if (!this.indexOf.has(id)) return id;
    let k = this.dupCount.get(id) ?? 1;
    let u: string;
    do {
      k++;
      u = `${id}~${k}`;
    } while (this.indexOf.has(u));
    this.dupCount.set(id, k);
    return u;
  }

  private push(
    start: number,
    kind: ProvisionKind,
    label: string,
    idPart: string,
    heading: string | undefined,
    rank: number,
    subType: string,
    comps: number,
    core: string,
    subLevel: number,
  ): void {
    if (start < this.lastStart) start = this.lastStart;
    this.lastStart = start;
    if (this.stack.length >= MAX_DEPTH) this.pop(start);
    const parent = this.stack.length > 0 ? this.stack[this.stack.length - 1] : undefined;
    // Joined, not concatenated: one flat string per id (a concatenation is a chain of pieces,
    // kept for good and compared piece by piece as a map key).
    const id = this.uniqueId(parent !== undefined ? [parent.prov.id, '/', idPart].join('') : idPart);
    const prov: Building<Provision> = {
      id,
      kind,
      label,
      span: { start, end: start },
      ownSpan: { start, end: start },
      // Most provisions are leaves: they share one empty list until they get a child.
      children: NO_CHILDREN,
      depth: parent !== undefined ? parent.prov.depth + 1 : 0,
      // Always present, if undefined: every provision has the same shape, which keeps the code
      // that reads them (per section, per edit) on one fast path. JSON leaves undefined out.
      heading: heading !== undefined && heading !== '' ? heading : undefined,
      parent: parent?.prov.id,
    };
    if (parent !== undefined) {
      if (parent.prov.children === NO_CHILDREN) parent.prov.children = [];
      parent.prov.children.push(id);
      if (!parent.hasChild) {
        parent.hasChild = true;
        parent.prov.ownSpan.end = start;
      }
    }
    const idx = this.stack.length;
    this.stack.push({ prov, rank, subType, comps, core, subLevel, hasChild: false });
    if (subType !== '') {
      let arr = this.typeIdx.get(subType);
      if (arr === undefined) this.typeIdx.set(subType, (arr = []));
      arr.push(idx);
      if (subType === 'dec') this.decIdx.push(idx);
    }
    this.indexOf.set(id, this.provisions.length);
    this.provisions.push(prov);
  }

  preamble(end: number): void {
    this.push(0, 'preamble', '', 'preamble', undefined, 0, '', 0, '', 0);
    this.pop(end);
  }

  division(start: number, key: string, label: string, heading: string | undefined, mdLevel: number | undefined): void {
    let rank: number;
    if (mdLevel !== undefined) rank = mdLevel;
    else {
      const known = this.ranks.get(key);
      if (known !== undefined) rank = known;
      else {
        // First time this kind of division is seen: it ranks below every division open now.
        let deepest = 0;
        for (const m of this.stack) if (m.prov.kind === 'division') deepest = Math.max(deepest, m.rank);
        rank = deepest + 1;
        this.ranks.set(key, rank);
      }
    }
    while (this.stack.length > 0) {
      const top = this.stack[this.stack.length - 1];
      if (top.prov.kind === 'division' && top.rank < rank) break;
      this.pop(start);
    }
    const idPart = key === '#' ? `h-${slug(heading ?? '') || 'heading'}` : `${key}-${slug(label) || 'x'}`;
    this.push(start, 'division', label, idPart, heading, rank, '', 0, '', 0);
  }

  section(start: number, prefix: string, label: string, heading: string | undefined): void {
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].prov.kind !== 'division') this.pop(start);
    this.push(start, 'section', label, `${prefix}-${slug(label) || 'x'}`, heading, 0, '', 0, '', 0);
  }

  sub(start: number, m: Marker, heading: string | undefined): void {
    const type = this.subTypeOf(m);
    let comps = 0;
    if (type === 'dec') {
      comps = 1;
      for (let i = 0; i < m.core.length; i++) if (m.core.charCodeAt(i) === 46) comps++;
      let target = -1;
      for (let j = this.decIdx.length - 1; j >= 0; j--) {
        if (this.stack[this.decIdx[j]].comps >= comps) target = this.decIdx[j];
        else break;
      }
      if (target >= 0) this.popTo(target, start);
    } else {
      const arr = this.typeIdx.get(type);
      if (arr !== undefined && arr.length > 0) this.popTo(arr[arr.length - 1], start);
    }
    const depthCapped = this.stack.length >= MAX_DEPTH;
    const parent = this.stack.length > 0 ? this.stack[(depthCapped ? MAX_DEPTH - 1 : this.stack.length) - 1] : undefined;
    const subLevel = parent === undefined ? 1 : depthCapped ? Math.max(parent.subLevel, 1) : parent.subLevel > 0 ? parent.subLevel + 1 : 1;
    const kind: ProvisionKind = subLevel <= 1 ? 'subsection' : subLevel === 2 ? 'paragraph' : 'subparagraph';
    this.push(start, kind, m.label, slug(m.core, false) || 'x', heading, 0, type, comps, m.core, subLevel);
  }

  private subTypeOf(m: Marker): string {
    if (m.form === 'decimal') return 'dec';
    if (m.form === 'dot') return 'dot';
    if (m.form === 'degree') return 'deg';
    const pre = m.form === 'half' ? 'h:' : '';
    const c = m.core;
    const c0 = c.charCodeAt(0);
    if (c0 >= 48 && c0 <= 57) return pre + 'num';
    const lower = c === c.toLowerCase();
    const letterType = pre + (lower ? 'lower' : 'upper');
    const romanRe = lower ? ROMAN_LOWER_RE : ROMAN_UPPER_RE;
    if (!romanRe.test(c)) return letterType;
    // Roman-looking: a letter when it continues an open lettered level ("(i)" after "(h)").
    const letters = this.typeIdx.get(letterType);
    if (letters !== undefined && letters.length > 0 && this.stack[letters[letters.length - 1]].core === prevLetter(c)) return letterType;
    return pre + (lower ? 'roman' : 'ROMAN');
  }

  finish(end: number): void {
    this.popTo(0, end);
  }
}

/**
 * Finds the provision whose ownSpan contains an offset (ownSpans tile the text). Provisions are
 * in document order, so their ownSpans start in order: a binary search over the list itself,
 * with nothing built per version.
 */
export class OwnerIndex {
  constructor(private readonly provisions: readonly Provision[]) {}

  at(offset: number): Provision | undefined {
    const list = this.provisions;
    let at = lastAtOrBefore(list.length, (i) => list[i].ownSpan.start, offset);
    // A provision whose first child starts where it does owns no text of its own.
    while (at >= 0 && list[at].ownSpan.end <= list[at].ownSpan.start) at--;
    return at < 0 ? undefined : list[at];
  }
}
