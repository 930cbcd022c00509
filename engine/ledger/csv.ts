/**
 * A streaming reader of delimited text (RFC 4180): `;`, `,` or TAB as the header uses it, quoted
 * fields with separators, doubled quotes and line breaks inside, CRLF or LF. Text arrives in chunks
 * of any size; each record is handed on with the number of the line it starts on (1 = header).
 */

/** The separators a ledger may use. */
export type Separator = ';' | ',' | '\t';

/** Receives one record: its fields and the line it starts on. */
export type RecordSink = (fields: string[], line: number) => void;

/**
 * Offered each non-blank line without quotes before it is split, as text[start..end) (no line
 * break): returns true when it took the line in, false to have it split and handed to the
 * record sink as usual.
 */
export type PlainLineSink = (text: string, start: number, end: number, line: number) => boolean;

/** Picks the separator the header line uses most (outside quotes); `;` wins ties, as Norwegian exports use it. */
export function detectSeparator(headerLine: string): Separator {
  const counts: Record<Separator, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++;
  }
  const order: Separator[] = [';', '\t', ','];
  return order.reduce((best, sep) => (counts[sep] > counts[best] ? sep : best), ';');
}

/** The streaming reader. Call `push` with each chunk of text, then `end`. */
export class CsvReader {
  private buffer = '';
  private line = 1;
  private separator: Separator | null = null;
  private unterminatedAt: number | null = null;

  constructor(
    private readonly sink: RecordSink,
    private readonly plain?: PlainLineSink,
  ) {}

  /** The separator, once the header has been seen. */
  get detectedSeparator(): Separator | null {
    return this.separator;
  }

  /** The line a quote was opened on and never closed, after `end`. */
  get unterminatedQuoteLine(): number | null {
    return this.unterminatedAt;
  }

  /** Feeds a chunk of text. */
  push(chunk: string): void {
    this.buffer = this.buffer.length === 0 ? chunk : this.buffer + chunk;
    this.drain(false);
  }

  /** Ends the input: the last record without a line break is read too. */
  end(): void {
    this.drain(true);
  }

  private drain(final: boolean): void {
    const text = this.buffer;
    let pos = 0;
    // The next quote at or after pos, found once and reused, so unquoted lines cost no rescans.
    let nextQuote = -2;
    for (;;) {
      if (pos >= text.length) break;
      const newline = text.indexOf('\n', pos);
      if (newline < 0 && !final) break;
      const lineEnd = newline < 0 ? text.length : newline;
      if (this.separator === null) this.separator = detectSeparator(text.slice(pos, lineEnd));
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = text.indexOf('"', pos);
      if (nextQuote < 0) {
        // No quote in the rest of the text (the usual export): split it in one native call.
        pos = this.splitPlain(text, pos, final);
        break;
      }
      if (nextQuote >= lineEnd) {
        // The common case: a record on one line without quotes.
        const bodyEnd = lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
        if (bodyEnd > pos && !this.plain?.(text, pos, bodyEnd, this.line)) {
          this.emit(text.slice(pos, bodyEnd).split(this.separator), this.line);
        }
        this.line++;
        pos = lineEnd + 1;
        continue;
      }
      const parsed = this.parseQuoted(text, pos, final);
      if (parsed === null) break; // needs more text
      this.emit(parsed.fields, this.line);
      this.line += parsed.lines;
      pos = parsed.next;
    }
    this.buffer = pos >= text.length ? '' : text.slice(pos);
  }

  /** Emits every whole line of text from pos on (no quotes in it); returns where the rest begins. */
  private splitPlain(text: string, pos: number, final: boolean): number {
    const end = final ? text.length : text.lastIndexOf('\n') + 1;
    if (end <= pos) return pos;
    const separator = this.separator!;
    const plain = this.plain;
    let line = this.line;
    // Line by line with indexOf, so a line the plain sink takes costs no string at all.
    while (pos < end) {
      let newline = text.indexOf('\n', pos);
      if (newline < 0 || newline >= end) newline = end;
      const bodyEnd = newline > pos && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      // An empty body is a blank line, which is not a record.
      if (bodyEnd > pos && !(plain !== undefined && plain(text, pos, bodyEnd, line))) {
        this.sink(text.slice(pos, bodyEnd).split(separator), line);
      }
      line++;
      pos = newline + 1;
    }
    this.line = line;
    return end;
  }

  private emit(fields: string[], line: number): void {
    if (fields.length === 1 && fields[0] === '') return; // a blank line
    this.sink(fields, line);
  }

  /** Reads one record with quotes from `start`; null when the chunk ends inside it. */
  private parseQuoted(text: string, start: number, final: boolean): { fields: string[]; next: number; lines: number } | null {
    // Field by field in slices found with indexOf, never a character at a time into a string: every
    // field of the state accounts is quoted, so this is their hot path.
    const sep = this.separator!.charCodeAt(0);
    const length = text.length;
    const fields: string[] = [];
    let lines = 1;
    let i = start;
    // The next line feed at or after i (-1: none), found once per line and reused across fields.
    let newline = text.indexOf('\n', start);
    for (;;) {
      // A field's start.
      let field = '';
      if (i < length && text.charCodeAt(i) === 34) {
        // Quoted: everything up to the closing quote is the field's; a doubled quote is one quote.
        i++;
        for (;;) {
          const quote = text.indexOf('"', i);
          const stop = quote < 0 ? length : quote;
          while (newline >= 0 && newline < stop) {
            lines++;
            newline = text.indexOf('\n', newline + 1);
          }
          if (quote < 0) {
            if (!final) return null;
            this.unterminatedAt = this.line;
            fields.push(field + text.slice(i));
            return { fields, next: length, lines };
          }
          if (quote + 1 < length && text.charCodeAt(quote + 1) === 34) {
            field += text.slice(i, quote + 1);
            i = quote + 2;
            continue;
          }
          if (quote + 1 >= length && !final) return null;
          field += text.slice(i, quote);
          i = quote + 1;
          break;
        }
      }
      // Unquoted (a field without quotes, or what follows a closing quote): up to a separator or
      // the line's end, a quote here being the field's own character.
      for (;;) {
        let j = i;
        let c = -1;
        for (; j < length; j++) {
          c = text.charCodeAt(j);
          if (c === sep || c === 10 || c === 13) break;
        }
        if (j > i) field += text.slice(i, j);
        if (j >= length) {
          if (!final) return null;
          fields.push(field);
          return { fields, next: length, lines };
        }
        if (c === sep) {
          fields.push(field);
          i = j + 1;
          break;
        }
        if (c === 10) {
          fields.push(field);
          return { fields, next: j + 1, lines };
        }
        // A carriage return: the line's end before a line feed, else the field's own character.
        if (j + 1 < length && text.charCodeAt(j + 1) === 10) {
          fields.push(field);
          return { fields, next: j + 2, lines };
        }
        if (j + 1 >= length && !final) return null;
        field += '\r';
        i = j + 1;
      }
    }
  }
}

/** Reads a whole text at once; convenient for small inputs and tests. */
export function readCsv(text: string): {
  rows: { fields: string[]; line: number }[];
  separator: Separator | null;
  unterminatedQuoteLine: number | null;
} {
  const rows: { fields: string[]; line: number }[] = [];
  const reader = new CsvReader((fields, line) => rows.push({ fields, line }));
  reader.push(text);
  reader.end();
  return { rows, separator: reader.detectedSeparator, unterminatedQuoteLine: reader.unterminatedQuoteLine };
}

/** A plain number as CSV output writes it (`-420000.00`): left as it is, so numbers stay numbers. */
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * Quotes a field for CSV output when it needs it. A text that a spreadsheet would take for a
 * formula (it begins with `=`, `+`, `-`, `@`, TAB or CR: CSV injection, as OWASP describes it) is
 * written with a leading `'`, so Excel shows it as text and never runs it; a plain number is not.
 */
export function csvField(value: string, separator: Separator = ','): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
