// Writes a realistic generated ledger of N lines (about 70 bytes a line) for the speed bench.
import { createWriteStream } from 'node:fs';

const instruments = ['arbeidsmiljosatsing', 'ekspertbistand', 'kompetansetiltak', 'bransjeprogrammer', 'kunnskapsutvikling'];

/** Writes `lines` ledger lines to `path`; resolves when the file is closed. */
export function generateLedger(path, lines) {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path);
    out.on('error', reject);
    out.on('finish', resolve);
    let i = 0;
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    out.write('dato;bilag;virkemiddel;type;beløp;referanse;år;tekst\n');
    const write = () => {
      let ok = true;
      while (i < lines && ok) {
        let chunk = '';
        for (let k = 0; k < 1000 && i < lines; k++, i++) {
          const year = 2019 + (i % 10);
          const month = String(1 + (next() % 12)).padStart(2, '0');
          const day = String(1 + (next() % 28)).padStart(2, '0');
          const instrument = instruments[i % instruments.length];
          const kind = i % 10 === 0 ? 'tilsagn' : 'utbetaling';
          const kroner = next() % 250000;
          const ore = String(next() % 100).padStart(2, '0');
          const reference = kind === 'utbetaling' && i % 10 === 3 ? `T-${i - 3}` : '';
          const voucher = kind === 'tilsagn' ? `T-${i}` : `U-${i}`;
          chunk += `${day}.${month}.${year};${voucher};${instrument};${kind};${kroner},${ore};${reference};${year};Linje ${i % 1000}\n`;
        }
        ok = out.write(chunk);
      }
      if (i < lines) out.once('drain', write);
      else out.end();
    };
    write();
  });
}

/**
 * Writes a ledger of `lines` invalid lines for the rejection bench: each line breaks one rule, in
 * turn an ambiguous amount, an unknown instrument, a bad date, a control character in the voucher
 * and an amount beyond 15 digits. Resolves when the file is closed.
 */
export function generateInvalidLedger(path, lines) {
  const faults = [
    (i) => `15.01.2024;U-${i};ekspertbistand;utbetaling;1.250;;2024;Linje ${i}`,
    (i) => `15.01.2024;U-${i};ukjent;utbetaling;125,00;;2024;Linje ${i}`,
    (i) => `31.02.2024;U-${i};ekspertbistand;utbetaling;125,00;;2024;Linje ${i}`,
    (i) => `15.01.2024;U-\u0001${i};ekspertbistand;utbetaling;125,00;;2024;Linje ${i}`,
    (i) => `15.01.2024;U-${i};ekspertbistand;utbetaling;99999999999999999999,99;;2024;Linje ${i}`,
  ];
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path);
    out.on('error', reject);
    out.on('finish', resolve);
    let i = 0;
    out.write('dato;bilag;virkemiddel;type;beløp;referanse;år;tekst\n');
    const write = () => {
      let ok = true;
      while (i < lines && ok) {
        let chunk = '';
        for (let k = 0; k < 1000 && i < lines; k++, i++) chunk += `${faults[i % faults.length](i)}\n`;
        ok = out.write(chunk);
      }
      if (i < lines) out.once('drain', write);
      else out.end();
    };
    write();
  });
}
