// Evaluated first in out/pdfjs.js (pdfjsBundle.ts), before PDF.js. PDF.js's Node.js build takes
// DOMMatrix from the optional @napi-rs/canvas package (33 MB of native code, not shipped) and
// constructs one when it loads; reading the text layer never renders, so a plain 2-D matrix is
// enough. Its warnings while it loads (no canvas, nothing to render with) are held back until the
// entry point has loaded: they concern rendering, which Concordance never does.

class Matrix2D {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  constructor(init?: ArrayLike<number> | Matrix2D) {
    if (init && 'length' in init && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = Array.from(init).slice(0, 6);
    else if (init instanceof Matrix2D) ({ a: this.a, b: this.b, c: this.c, d: this.d, e: this.e, f: this.f } = init);
  }
  private set(a: number, b: number, c: number, d: number, e: number, f: number): this {
    Object.assign(this, { a, b, c, d, e, f });
    return this;
  }
  /** this × m */
  multiplySelf(m: Matrix2D): this {
    return this.set(this.a * m.a + this.c * m.b, this.b * m.a + this.d * m.b, this.a * m.c + this.c * m.d, this.b * m.c + this.d * m.d, this.a * m.e + this.c * m.f + this.e, this.b * m.e + this.d * m.f + this.f);
  }
  /** m × this */
  preMultiplySelf(m: Matrix2D): this {
    return this.set(m.a * this.a + m.c * this.b, m.b * this.a + m.d * this.b, m.a * this.c + m.c * this.d, m.b * this.c + m.d * this.d, m.a * this.e + m.c * this.f + m.e, m.b * this.e + m.d * this.f + m.f);
  }
  translateSelf(x = 0, y = 0): this {
    return this.multiplySelf(new Matrix2D([1, 0, 0, 1, x, y]));
  }
  scaleSelf(x = 1, y = x): this {
    return this.multiplySelf(new Matrix2D([x, 0, 0, y, 0, 0]));
  }
  invertSelf(): this {
    const det = this.a * this.d - this.b * this.c;
    if (!det) return this.set(NaN, NaN, NaN, NaN, NaN, NaN);
    return this.set(this.d / det, -this.b / det, -this.c / det, this.a / det, (this.c * this.f - this.d * this.e) / det, (this.b * this.e - this.a * this.f) / det);
  }
  multiply(m: Matrix2D): Matrix2D {
    return new Matrix2D(this).multiplySelf(m);
  }
  translate(x?: number, y?: number): Matrix2D {
    return new Matrix2D(this).translateSelf(x, y);
  }
  scale(x?: number, y?: number): Matrix2D {
    return new Matrix2D(this).scaleSelf(x, y);
  }
  inverse(): Matrix2D {
    return new Matrix2D(this).invertSelf();
  }
}

const g = globalThis as Record<string, unknown>;
if (typeof g.DOMMatrix === 'undefined') g.DOMMatrix = Matrix2D;

/** console.warn as it was; pdfjsBundle.ts puts it back once PDF.js has loaded. */
export const originalWarn = console.warn;
console.warn = () => undefined;
