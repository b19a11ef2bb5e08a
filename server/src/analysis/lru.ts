// A bounded least-recently-used cache: a Map for lookup and a doubly linked list for recency,
// so a lookup, an insertion and an eviction are each O(1) however many entries the cache holds.
// (Evicting with `map.delete(map.keys().next().value)` is not: V8 leaves deleted entries in the
// Map's table until it is rebuilt, and every `keys().next()` walks over them from the start.)

interface Node<K, V> {
  key: K;
  value: V;
  /** Towards the most recently used end. */
  newer?: Node<K, V>;
  /** Towards the least recently used end. */
  older?: Node<K, V>;
}

export class LruCache<K, V> {
  private readonly map = new Map<K, Node<K, V>>();
  /** Most recently used. */
  private newest?: Node<K, V>;
  /** Least recently used: the next to go. */
  private oldest?: Node<K, V>;

  /** `limit`: entries kept; the least recently used goes when one more is added. */
  constructor(readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError(`an LRU cache holds at least one entry, not ${limit}`);
  }

  get size(): number {
    return this.map.size;
  }

  /** The value, marked as just used; undefined when absent. */
  get(key: K): V | undefined {
    const node = this.map.get(key);
    if (!node) return undefined;
    this.touch(node);
    return node.value;
  }

  /** The value without marking it used. */
  peek(key: K): V | undefined {
    return this.map.get(key)?.value;
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  /** Stores the value as the most recently used, evicting the least recently used past the limit. */
  set(key: K, value: V): this {
    const node = this.map.get(key);
    if (node) {
      node.value = value;
      this.touch(node);
      return this;
    }
    const added: Node<K, V> = { key, value, older: this.newest };
    if (this.newest) this.newest.newer = added;
    this.newest = added;
    this.oldest ??= added;
    this.map.set(key, added);
    if (this.map.size > this.limit) this.delete(this.oldest.key);
    return this;
  }

  delete(key: K): boolean {
    const node = this.map.get(key);
    if (!node) return false;
    this.unlink(node);
    this.map.delete(key);
    return true;
  }

  clear(): void {
    this.map.clear();
    this.newest = this.oldest = undefined;
  }

  /** Keys from the least to the most recently used (for tests and diagnostics). */
  *keys(): IterableIterator<K> {
    for (let n = this.oldest; n; n = n.newer) yield n.key;
  }

  private touch(node: Node<K, V>): void {
    if (node === this.newest) return;
    this.unlink(node);
    node.older = this.newest;
    node.newer = undefined;
    if (this.newest) this.newest.newer = node;
    this.newest = node;
    this.oldest ??= node;
  }

  private unlink(node: Node<K, V>): void {
    if (node.newer) node.newer.older = node.older;
    else this.newest = node.older;
    if (node.older) node.older.newer = node.newer;
    else this.oldest = node.newer;
    node.newer = node.older = undefined;
  }
}
