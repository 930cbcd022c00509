import { createHash } from 'node:crypto';
import { expect } from 'chai';
import fc from 'fast-check';
import {
  appendEntries,
  appendEntry,
  GENESIS_HASH,
  sha256,
  sha256Bytes,
  verifyChain,
  type ChangeRecord,
  type LogEntry,
} from '../../../engine/index.js';

describe('sha256', () => {
  // [input, digest] from FIPS 180-4 and NIST's example vectors.
  const vectors: [string, string][] = [
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
    [
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
  ];
  for (const [input, digest] of vectors) {
    it(`hashes ${JSON.stringify(input.slice(0, 12))}… (${input.length} characters) to the known digest`, () => {
      expect(sha256(input)).to.equal(digest);
    });
  }

  it('hashes a million times "a" to the known digest', () => {
    expect(sha256Bytes(new Uint8Array(1_000_000).fill(0x61))).to.equal(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('agrees with node:crypto on Norwegian text and on every length around a block boundary', () => {
    const text = 'Omdisponering: ekspertbistand → bransjeprogrammer, 1 250 000,50 kr (Æøå) 🙂';
    expect(sha256(text)).to.equal(createHash('sha256').update(text, 'utf8').digest('hex'));
    for (let n = 50; n <= 130; n++) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 31) & 255);
      expect(sha256Bytes(bytes), `length ${n}`).to.equal(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('agrees with node:crypto on any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => sha256(s) === createHash('sha256').update(s, 'utf8').digest('hex')),
      { numRuns: 200 },
    );
  });
});

describe('the change log', () => {
  // Scenario: the coordinating group confirms SKIL's condition, then moves money in the May revision.
  const changes: ChangeRecord[] = [
    {
      at: '2025-05-12T09:00:00Z',
      who: 'Kari',
      action: 'condition_confirmed',
      target: 'rnb-2025/skil:2019-2021',
      before: 'ikke bekreftet',
      after: 'bekreftet',
      why: 'Vurdert mot statsstøtteregelverket',
    },
    {
      at: '2025-05-12T09:30:00Z',
      who: 'Ola',
      action: 'reallocation',
      target: 'rnb-2025/2025: kompetansetiltak → ekspertbistand',
      before: 'kompetansetiltak 70000000.00, ekspertbistand 50000000.00',
      after: 'kompetansetiltak 65000000.00, ekspertbistand 55000000.00',
      why: 'Stor etterspørsel',
    },
    {
      at: '2025-05-13T08:00:00Z',
      who: 'Kari',
      action: 'year_closed',
      target: '2024',
      before: 'åpent',
      after: 'avsluttet (19 linjer)',
      why: 'Vurderingen for 2024 er vedtatt',
    },
  ];
  const log = appendEntries([], changes);

  it('numbers entries from 1 and chains each to the hash of the one before', () => {
    expect(log.map((e) => e.seq)).to.deep.equal([1, 2, 3]);
    expect(log[0]!.prevHash).to.equal(GENESIS_HASH);
    expect(log[1]!.prevHash).to.equal(log[0]!.hash);
    expect(log[2]!.prevHash).to.equal(log[1]!.hash);
    expect(log[0]!.hash).to.match(/^[0-9a-f]{64}$/);
  });

  it('reports an intact chain', () => {
    expect(verifyChain(log)).to.deep.equal({ ok: true, entries: 3 });
  });

  it('does not change the log it appends to (append-only values)', () => {
    const longer = appendEntry(log, changes[0]!);
    expect(log).to.have.length(3);
    expect(longer).to.have.length(4);
  });

  it('detects an edited entry and names it as the first broken one', () => {
    const tampered: LogEntry[] = log.map((e, i) =>
      i === 1 ? { ...e, after: 'kompetansetiltak 60000000.00, ekspertbistand 60000000.00' } : e,
    );
    const check = verifyChain(tampered);
    expect(check.ok).to.equal(false);
    if (!check.ok) {
      expect(check.index).to.equal(1);
      expect(check.seq).to.equal(2);
      expect(check.fault).to.equal('hash_mismatch');
      expect(check.message).to.contain('oppføring 2');
    }
  });

  it('detects a removed entry', () => {
    const check = verifyChain([log[0]!, log[2]!]);
    expect(check.ok).to.equal(false);
    if (!check.ok) expect([check.index, check.fault]).to.deep.equal([1, 'seq_gap']);
  });

  it('detects an entry re-hashed after editing, because the next entry no longer points to it', () => {
    const edited = { ...log[0]!, who: 'Noen andre' };
    const { hash: _old, ...body } = edited;
    void _old;
    const rehashed = appendEntry([], { ...body })[0]!;
    const check = verifyChain([rehashed, log[1]!, log[2]!]);
    expect(check.ok).to.equal(false);
    if (!check.ok) expect([check.index, check.fault]).to.deep.equal([1, 'prev_mismatch']);
  });
});
