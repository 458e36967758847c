/**
 * The library worker's copy of every stored record, read once and again after each change the page
 * reports. It holds the read itself, not only its result: a query that does not ask for a re-read
 * (a new filter, a new order) while one is in flight waits for that read, rather than answering from
 * the copy the read is replacing. Answered from the old copy, that later query would win over the
 * re-read's own answer on the page, which shows the latest query's result, and an edit made elsewhere
 * would not show until the next change.
 */
export class RecordCache<T> {
  private current: Promise<T[]> | null = null;

  /** `load` reads every record from the store. */
  constructor(private readonly load: () => Promise<T[]>) {}

  /** Every record: the copy held (or being read), or a fresh read when `reload` or none is held. */
  get(reload: boolean): Promise<T[]> {
    if (!this.current || reload) this.hold(this.load());
    return this.current as Promise<T[]>;
  }

  /**
   * Applies a change the page reports without re-reading the store (an import the background
   * committed, folded by the same merge rule), after any read in flight.
   */
  update(change: (records: T[]) => T[]): void {
    if (this.current) this.hold(this.current.then(change));
  }

  /** A read that failed is not kept: the next query reads again. */
  private hold(read: Promise<T[]>): void {
    this.current = read;
    read.catch(() => {
      if (this.current === read) this.current = null;
    });
  }
}
