/**
 * Benchmark baseline only: frames AMI the way the `asterisk-manager` 0.2.0 npm package does —
 * append the chunk to the unfinished line, split everything on /\r?\n/, and for each line
 * `split(': ')`, take the first part trimmed and lower-cased as key and re-join the rest as value;
 * an empty line ends a message. No banner check, no repeated keys, no `Response: Follows`.
 */
export type NaiveMessage = Record<string, string>;

export class NaiveFramer {
  private partial = '';
  private current: NaiveMessage = {};
  private fields = 0;
  private bannerSeen = false;

  push(chunk: string): NaiveMessage[] {
    const lines = (this.partial + chunk).split(/\r?\n/);
    this.partial = lines.pop() ?? '';
    const out: NaiveMessage[] = [];
    for (const line of lines) {
      if (!this.bannerSeen) {
        this.bannerSeen = true;
        continue;
      }
      if (line.length === 0) {
        if (this.fields > 0) out.push(this.current);
        this.current = {};
        this.fields = 0;
        continue;
      }
      const parts = line.split(': ');
      const key = (parts.shift() ?? '').trim().toLowerCase();
      this.current[key] = parts.join(': ').trim();
      this.fields++;
    }
    return out;
  }
}
