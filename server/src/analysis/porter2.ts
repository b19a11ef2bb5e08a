// The Snowball English (Porter2) stemmer, hand-written for speed.
//
// It gives exactly the output of `require('snowball-stemmers').newStemmer('english').stem(word)`
// (the classic Snowball English algorithm, as that package ships it), several times faster and
// without loading that package's 850 kB of stemmers. Snowball's English rules only look at the
// letters a-z and the apostrophe: any other character (digit, accented letter, capital, curly
// apostrophe...) is a consonant that no suffix contains, and is handled here the same way. The one
// exception is a capital Y, which Snowball uses internally to mark a consonant y: a word holding one
// is handed to snowball-stemmers itself (loaded on first need), so the output is always identical.
//
// The word is copied into a byte buffer; the steps only ever cut or rewrite its end, so the
// stem is usually a prefix of the input and is returned as a substring of it.

/** a, e, i, o, u, y: Snowball's vowels ("v"). The marker Y is not a vowel. */
const VOWEL = new Uint8Array(128);
/** Vowels plus w, x and Y: a short syllable may not end in these ("v_WXY"). */
const VOWEL_WXY = new Uint8Array(128);
/** c d e g h k m n r t: the letters before which a final "li" is a suffix ("valid_LI"). */
const VALID_LI = new Uint8Array(128);
/** The double consonants that lose a letter after -ed/-ing is removed (hopp-ing → hop). */
const DOUBLE = new Uint8Array(128);
for (const c of 'aeiouy') VOWEL[c.charCodeAt(0)] = 1;
for (const c of 'aeiouywxY') VOWEL_WXY[c.charCodeAt(0)] = 1;
for (const c of 'cdeghkmnrt') VALID_LI[c.charCodeAt(0)] = 1;
for (const c of 'bdfgmnprt') DOUBLE[c.charCodeAt(0)] = 1;

/** A 'y' that acts as a consonant (initial, or after a vowel) is marked with this code, 'Y'. */
const Y = 89;
const APOS = 39;
/** Stands in the buffer for a character above U+007F: a consonant, never part of a suffix. */
const OTHER = 0;

/** Words stemmed as a whole, before anything else (checked on the word as given). */
const EXCEPTIONS = new Map<string, string>([
  ['skis', 'ski'],
  ['skies', 'sky'],
  ['dying', 'die'],
  ['lying', 'lie'],
  ['tying', 'tie'],
  ['idly', 'idl'],
  ['gently', 'gentl'],
  ['ugly', 'ugli'],
  ['early', 'earli'],
  ['only', 'onli'],
  ['singly', 'singl'],
  ['sky', 'sky'],
  ['news', 'news'],
  ['howe', 'howe'],
  ['atlas', 'atlas'],
  ['cosmos', 'cosmos'],
  ['bias', 'bias'],
  ['andes', 'andes'],
]);

/** Words left as they are after Step 1a (so "cannings" → "canning", not "can"). */
const INVARIANT_AFTER_1A = ['inning', 'outing', 'canning', 'herring', 'earring', 'proceed', 'exceed', 'succeed'];

let buf = new Uint8Array(64);
let n = 0; // current length of the word in buf

/** Does buf[0, n) end with s? */
function ends(s: string): boolean {
  const k = s.length;
  if (k > n) return false;
  const b = buf;
  const at = n - k;
  for (let i = k - 1; i >= 0; i--) if (b[at + i] !== s.charCodeAt(i)) return false;
  return true;
}

/** Replaces buf[at, n) by s. */
function setTo(at: number, s: string): void {
  const b = buf;
  for (let i = 0; i < s.length; i++) b[at + i] = s.charCodeAt(i);
  n = at + s.length;
}

/** Is there a short syllable just before position k: consonant-vowel-consonant (the last not w, x or Y), or a word of just vowel-consonant? */
function shortBefore(k: number): boolean {
  const b = buf;
  if (k >= 3 && !VOWEL_WXY[b[k - 1]] && VOWEL[b[k - 2]] && !VOWEL[b[k - 3]]) return true;
  return k === 2 && !VOWEL[b[1]] && VOWEL[b[0]] === 1;
}

let snowballEnglish: { stem(word: string): string } | undefined;

/** Snowball itself, for words holding a capital Y (loaded on first need: it is large). */
function viaSnowball(word: string): string {
  if (!snowballEnglish) {
    const snowball = require('snowball-stemmers') as typeof import('snowball-stemmers');
    snowballEnglish = snowball.newStemmer('english');
  }
  return snowballEnglish.stem(word);
}

/** The Porter2 stem of an English word (lower-cased by the caller), identical to snowball-stemmers' "english" for any string. */
export function stemEnglish(word: string): string {
  const len0 = word.length;
  if (len0 > buf.length) buf = new Uint8Array(len0 * 2);
  const b = buf;
  for (let i = 0; i < len0; i++) {
    const c = word.charCodeAt(i);
    if (c === Y) return viaSnowball(word);
    b[i] = c < 128 ? c : OTHER;
  }
  if (len0 <= 6) {
    const exception = EXCEPTIONS.get(word);
    if (exception !== undefined) return exception;
  }
  if (len0 < 3) return word;

  // Prelude: drop one leading apostrophe; mark consonant y's (initial, or after a vowel) as Y.
  let off = 0;
  n = len0;
  if (b[0] === APOS) {
    off = 1;
    n--;
    b.copyWithin(0, 1, len0);
  }
  if (b[0] === 121) b[0] = Y;
  for (let i = 1; i < n; i++) if (b[i] === 121 && VOWEL[b[i - 1]]) b[i] = Y;

  // R1 is after the first non-vowel that follows a vowel (or after gener/commun/arsen); R2 is the same from R1.
  let p1 = n;
  let p2 = n;
  let i = 0;
  if (n >= 5 && ((b[0] === 103 && b[1] === 101 && b[2] === 110 && b[3] === 101 && b[4] === 114) || (b[0] === 97 && b[1] === 114 && b[2] === 115 && b[3] === 101 && b[4] === 110))) {
    i = 5; // gener, arsen
  } else if (n >= 6 && b[0] === 99 && b[1] === 111 && b[2] === 109 && b[3] === 109 && b[4] === 117 && b[5] === 110) {
    i = 6; // commun
  } else {
    while (i < n && !VOWEL[b[i]]) i++;
    while (i < n && VOWEL[b[i]]) i++;
    i = i < n ? i + 1 : -1;
  }
  if (i >= 0) {
    p1 = i;
    while (i < n && !VOWEL[b[i]]) i++;
    while (i < n && VOWEL[b[i]]) i++;
    if (i < n) p2 = i + 1;
  }

  step1a();
  if (!isInvariantAfter1a()) {
    step1b(p1);
    step1c();
    step2(p1);
    step3(p1, p2);
    step4(p2);
    step5(p1, p2);
  }

  // Postlude: Y back to y. The stem is the word up to where the steps cut it (Y and OTHER stand
  // for the word's own characters there), then a tail the steps wrote, which holds neither.
  let k = 0;
  const room = len0 - off;
  while (k < n && k < room && (b[k] === word.charCodeAt(off + k) || b[k] === Y || b[k] === OTHER)) k++;
  let stem = off === 0 && k === len0 ? word : word.substring(off, off + k);
  for (; k < n; k++) stem += String.fromCharCode(b[k] === Y ? 121 : b[k]);
  return stem;
}

function isInvariantAfter1a(): boolean {
  if (n !== 6 && n !== 7) return false;
  for (const w of INVARIANT_AFTER_1A) if (w.length === n && ends(w)) return true;
  return false;
}

/** Possessive apostrophes, then plurals: sses → ss, ies/ied → i (ie after one letter), s → '' after a vowel-bearing part. */
function step1a(): void {
  const b = buf;
  if (n >= 1 && b[n - 1] === APOS) n -= n >= 3 && b[n - 2] === 115 && b[n - 3] === APOS ? 3 : 1;
  else if (n >= 2 && b[n - 1] === 115 && b[n - 2] === APOS) n -= 2;

  if (n === 0) return;
  const last = b[n - 1];
  if (last === 115) {
    if (n >= 4 && b[n - 2] === 101 && b[n - 3] === 115 && b[n - 4] === 115) n -= 2; // sses
    else if (n >= 3 && b[n - 2] === 101 && b[n - 3] === 105) n -= n > 4 ? 2 : 1; // ies
    else if (n >= 2 && (b[n - 2] === 115 || b[n - 2] === 117)) return; // ss, us
    else {
      // s: only if a vowel comes before the letter preceding it (gas, this stay; kiwis → kiwi)
      for (let i = n - 3; i >= 0; i--) {
        if (VOWEL[b[i]]) {
          n--;
          return;
        }
      }
    }
  } else if (last === 100 && n >= 3 && b[n - 2] === 101 && b[n - 3] === 105) {
    n -= n > 4 ? 2 : 1; // ied
  }
}

/** -eed/-eedly → -ee in R1; -ed/-edly/-ing/-ingly removed after a vowel, then the stem is tidied up. */
function step1b(p1: number): void {
  const b = buf;
  if (n < 2) return;
  let at: number;
  let eed = false;
  const last = b[n - 1];
  if (last === 100) {
    if (b[n - 2] !== 101) return;
    eed = n >= 3 && b[n - 3] === 101;
    at = eed ? n - 3 : n - 2;
  } else if (last === 103) {
    if (!ends('ing')) return;
    at = n - 3;
  } else if (last === 121) {
    if (ends('eedly')) {
      eed = true;
      at = n - 5;
    } else if (ends('edly')) at = n - 4;
    else if (ends('ingly')) at = n - 5;
    else return;
  } else return;

  if (eed) {
    if (p1 <= at) setTo(at, 'ee');
    return;
  }
  let vowel = false;
  for (let i = at - 1; i >= 0; i--) {
    if (VOWEL[b[i]]) {
      vowel = true;
      break;
    }
  }
  if (!vowel) return;
  n = at;
  if (n >= 2) {
    const y = b[n - 2];
    const z = b[n - 1];
    if ((y === 97 && z === 116) || (y === 98 && z === 108) || (y === 105 && z === 122)) {
      b[n++] = 101; // at → ate, bl → ble, iz → ize
      return;
    }
    if (y === z && DOUBLE[z]) {
      n--; // hopp → hop
      return;
    }
  }
  if (n === p1 && shortBefore(n)) b[n++] = 101; // hop → hope
}

/** Final y or Y → i after a consonant that is not the first letter (cry → cri, say stays). */
function step1c(): void {
  const b = buf;
  if (n >= 3 && (b[n - 1] === 121 || b[n - 1] === Y) && !VOWEL[b[n - 2]]) b[n - 1] = 105;
}

/** Replaces buf[at, n) by s if `at` is in the region starting at p (R1 or R2). */
function inR(p: number, at: number, s: string): void {
  if (p <= at) setTo(at, s);
}

/** Derivational suffixes in R1, the longest that matches: -ational → -ate, -izer → -ize, -li → ''... */
function step2(p1: number): void {
  const b = buf;
  if (n < 3) return;
  switch (b[n - 1]) {
    case 105: // i
      switch (b[n - 2]) {
        case 99: // ci
          if (ends('anci')) return inR(p1, n - 4, 'ance');
          if (ends('enci')) return inR(p1, n - 4, 'ence');
          break;
        case 103: // gi
          if (ends('ogi') && n >= 4 && b[n - 4] === 108) return inR(p1, n - 3, 'og');
          break;
        case 108: // li
          if (ends('lessli')) return inR(p1, n - 6, 'less');
          if (ends('fulli')) return inR(p1, n - 5, 'ful');
          if (ends('ousli')) return inR(p1, n - 5, 'ous');
          if (ends('entli')) return inR(p1, n - 5, 'ent');
          if (ends('abli')) return inR(p1, n - 4, 'able');
          if (ends('alli')) return inR(p1, n - 4, 'al');
          if (b[n - 3] === 98) return inR(p1, n - 3, 'ble'); // bli
          if (VALID_LI[b[n - 3]]) return inR(p1, n - 2, '');
          break;
        case 116: // ti
          if (ends('biliti')) return inR(p1, n - 6, 'ble');
          if (ends('aliti')) return inR(p1, n - 5, 'al');
          if (ends('iviti')) return inR(p1, n - 5, 'ive');
          break;
      }
      break;
    case 108: // l
      if (ends('ational')) return inR(p1, n - 7, 'ate');
      if (ends('tional')) return inR(p1, n - 6, 'tion');
      break;
    case 109: // m
      if (ends('alism')) return inR(p1, n - 5, 'al');
      break;
    case 110: // n
      if (ends('ization')) return inR(p1, n - 7, 'ize');
      if (ends('ation')) return inR(p1, n - 5, 'ate');
      break;
    case 114: // r
      if (ends('izer')) return inR(p1, n - 4, 'ize');
      if (ends('ator')) return inR(p1, n - 4, 'ate');
      break;
    case 115: // s
      if (ends('iveness')) return inR(p1, n - 7, 'ive');
      if (ends('fulness')) return inR(p1, n - 7, 'ful');
      if (ends('ousness')) return inR(p1, n - 7, 'ous');
      break;
  }
}

/** More suffixes in R1: -icate/-iciti/-ical → -ic, -alize → -al, -ful/-ness → '', -ative → '' in R2. */
function step3(p1: number, p2: number): void {
  const b = buf;
  if (n < 3) return;
  switch (b[n - 1]) {
    case 101: // e
      if (ends('icate')) return inR(p1, n - 5, 'ic');
      if (ends('alize')) return inR(p1, n - 5, 'al');
      if (ends('ative')) return inR(p2, n - 5, ''); // R2 lies within R1
      break;
    case 105: // i
      if (ends('iciti')) return inR(p1, n - 5, 'ic');
      break;
    case 108: // l
      if (ends('ational')) return inR(p1, n - 7, 'ate');
      if (ends('tional')) return inR(p1, n - 6, 'tion');
      if (ends('ical')) return inR(p1, n - 4, 'ic');
      if (ends('ful')) return inR(p1, n - 3, '');
      break;
    case 115: // s
      if (ends('ness')) return inR(p1, n - 4, '');
      break;
  }
}

/** Residual suffixes deleted in R2 (the longest that matches); -ion only after s or t. */
function step4(p2: number): void {
  const b = buf;
  if (n < 2) return;
  let k = 0; // length of the suffix
  switch (b[n - 1]) {
    case 99: // c
      if (b[n - 2] === 105) k = 2; // ic
      break;
    case 101: // e
      if (ends('ance') || ends('ence') || ends('able') || ends('ible')) k = 4;
      else if (ends('ate') || ends('ive') || ends('ize')) k = 3;
      break;
    case 105: // i
      if (ends('iti')) k = 3;
      break;
    case 108: // l
      if (b[n - 2] === 97) k = 2; // al
      break;
    case 109: // m
      if (ends('ism')) k = 3;
      break;
    case 110: // n
      if (ends('ion')) {
        const at = n - 3;
        if (p2 <= at && at >= 1 && (b[at - 1] === 115 || b[at - 1] === 116)) n = at;
        return;
      }
      break;
    case 114: // r
      if (b[n - 2] === 101) k = 2; // er
      break;
    case 115: // s
      if (ends('ous')) k = 3;
      break;
    case 116: // t
      if (ends('ement')) k = 5;
      else if (ends('ment')) k = 4;
      else if (ends('ant') || ends('ent')) k = 3;
      break;
  }
  if (k > 0 && p2 <= n - k) n -= k;
}

/** Final e: deleted in R2, or in R1 unless a short syllable precedes it; final ll → l in R2. */
function step5(p1: number, p2: number): void {
  const b = buf;
  if (n < 1) return;
  const at = n - 1;
  if (b[at] === 101) {
    if (p2 <= at || (p1 <= at && !shortBefore(at))) n = at;
  } else if (b[at] === 108) {
    if (p2 <= at && at >= 1 && b[at - 1] === 108) n = at;
  }
}
