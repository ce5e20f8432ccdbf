/**
 * A binary min-heap of numbers in a growable `Float64Array`: the event clock keeps one entry per
 * distinct due time here, so 10,000 clients retrying at the same millisecond cost one heap entry.
 */
export class MinHeap {
  private items = new Float64Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(value: number): void {
    if (this.count === this.items.length) {
      const grown = new Float64Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    const items = this.items;
    let index = this.count++;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const parentValue = items[parent] ?? 0;
      if (parentValue <= value) break;
      items[index] = parentValue;
      index = parent;
    }
    items[index] = value;
  }

  /** The smallest value; `undefined` when empty. */
  peek(): number | undefined {
    return this.count === 0 ? undefined : this.items[0];
  }

  /** Removes and returns the smallest value; `undefined` when empty. */
  pop(): number | undefined {
    if (this.count === 0) return undefined;
    const items = this.items;
    const top = items[0];
    const last = items[--this.count] ?? 0;
    const count = this.count;
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= count) break;
      const right = left + 1;
      const leftValue = items[left] ?? 0;
      const rightValue = right < count ? (items[right] ?? 0) : Infinity;
      const child = rightValue < leftValue ? right : left;
      const childValue = child === right ? rightValue : leftValue;
      if (childValue >= last) break;
      items[index] = childValue;
      index = child;
    }
    if (count > 0) items[index] = last;
    return top;
  }
}
