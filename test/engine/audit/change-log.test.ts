import { createHash, createHmac } from 'node:crypto';
import { expect } from 'chai';
import fc from 'fast-check';
import {
  anchorText,
  appendEntries,
  appendEntry,
  checkAnchor,
  entryHash,
  GENESIS_HASH,
  hmacSha256,
  hmacSha256Bytes,
  logKeyOf,
  parseAnchor,
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
    expect(verifyChain(log)).to.deep.equal({
      ok: true,
      entries: 3,
      head: { entry: 3, hash: log[2]!.hash, key: null },
      signed: false,
    });
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

describe('hmacSha256', () => {
  const hex = (h: string) => Uint8Array.from(h.match(/../g)!, (b) => parseInt(b, 16));
  // RFC 4231 test cases 1, 2, 6 (a key longer than the block) and 7.
  it('gives the RFC 4231 digests', () => {
    expect(hmacSha256(new Uint8Array(20).fill(0x0b), 'Hi There')).to.equal(
      'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
    );
    expect(hmacSha256(new TextEncoder().encode('Jefe'), 'what do ya want for nothing?')).to.equal(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    expect(hmacSha256(new Uint8Array(131).fill(0xaa), 'Test Using Larger Than Block-Size Key - Hash Key First')).to.equal(
      '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    );
    expect(
      hmacSha256Bytes(
        hex('aa'.repeat(131)),
        new TextEncoder().encode(
          'This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.',
        ),
      ),
    ).to.equal('9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2');
  });

  it('agrees with node:crypto for any key and text (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), fc.string(), (key, text) => {
        return hmacSha256(key, text) === createHmac('sha256', key).update(text, 'utf8').digest('hex');
      }),
      { numRuns: 200 },
    );
  });
});

describe('a log signed with a key (HMAC chain)', () => {
  const key = logKeyOf('ministeriets hemmelige loggnøkkel 2025');
  const other = logKeyOf('en annen nøkkel som ingen skal ha');
  const change = (n: number): ChangeRecord => ({
    at: `2025-05-1${n}T09:00:00+02:00`,
    who: 'Kari',
    action: 'year_closed',
    target: String(2020 + n),
    before: 'åpent',
    after: 'avsluttet',
    why: 'Vedtatt',
  });
  const plain = appendEntries([], [change(1), change(2)]);
  const signed = appendEntries(plain, [change(3), change(4)], key);

  it('writes a signed entry as hmac:<key id>:<64 hex>, and the key id is not the key', () => {
    expect(key.id).to.match(/^[0-9a-f]{8}$/);
    expect(key.id).to.not.equal(other.id);
    expect(signed[2]!.hash).to.match(new RegExp(`^hmac:${key.id}:[0-9a-f]{64}$`));
    expect(signed[2]!.prevHash).to.equal(plain[1]!.hash);
  });

  it('is intact with the key: plain entries before the first signed one, signed ones after', () => {
    const check = verifyChain(signed, 'nb', key);
    expect(check).to.deep.equal({
      ok: true,
      entries: 4,
      head: { entry: 4, hash: signed[3]!.hash.slice(-64), key: key.id },
      signed: true,
    });
  });

  it('cannot be checked without the key, nor with another key', () => {
    const without = verifyChain(signed, 'en');
    expect(without.ok ? null : [without.index, without.fault]).to.deep.equal([2, 'key_needed']);
    if (!without.ok) expect(without.message).to.contain('IA_PLANNER_LOG_KEY');
    const wrong = verifyChain(signed, 'nb', other);
    expect(wrong.ok ? null : [wrong.index, wrong.fault]).to.deep.equal([2, 'other_key']);
  });

  it('refuses an entry re-signed by someone without the key: recomputed as plain SHA-256, the chain breaks', () => {
    // A forger edits entry 4 and, not having the key, recomputes its hash as a plain entry.
    const { hash: _h, ...body } = { ...signed[3]!, who: 'Forfalsker' };
    void _h;
    const forged = [...signed.slice(0, 3), { ...body, hash: entryHash(body) }];
    const check = verifyChain(forged, 'nb', key);
    expect(check.ok ? null : [check.index, check.fault]).to.deep.equal([3, 'unsigned_after_signed']);
    // Nor can the forger pass it off as signed: the hmac does not match without the key.
    const guessed = [...signed.slice(0, 3), { ...body, hash: `hmac:${key.id}:${entryHash(body)}` }];
    const again = verifyChain(guessed, 'nb', key);
    expect(again.ok ? null : [again.index, again.fault]).to.deep.equal([3, 'hash_mismatch']);
  });

  it('protects the plain entries before the first signed one: editing one breaks the signed link after it', () => {
    const rewritten = appendEntries([], [{ ...change(1), who: 'Forfalsker' }, change(2)]);
    const check = verifyChain([...rewritten, ...signed.slice(2)], 'nb', key);
    expect(check.ok ? null : [check.index, check.fault]).to.deep.equal([2, 'prev_mismatch']);
  });
});

describe('anchors (N:HASH)', () => {
  const changes: ChangeRecord[] = [1, 2, 3].map((n) => ({
    at: `2025-01-0${n}T10:00:00+01:00`,
    who: 'Ola',
    action: 'note',
    target: 'Merknad',
    before: '',
    after: `nr. ${n}`,
    why: '',
  }));
  const log = appendEntries([], changes);
  const anchor = parseAnchor(anchorText({ entry: 2, hash: log[1]!.hash, key: null }))!;

  it('reads N:HASH and refuses anything else', () => {
    expect(anchor).to.deep.equal({ entry: 2, hash: log[1]!.hash });
    expect(parseAnchor(`2:${log[1]!.hash.toUpperCase()}`)).to.deep.equal({ entry: 2, hash: log[1]!.hash });
    for (const bad of ['', '2', `0:${log[1]!.hash}`, `2:${log[1]!.hash.slice(1)}`, `x:${log[1]!.hash}`])
      expect(parseAnchor(bad), bad).to.equal(null);
  });

  it('holds while the log only grows', () => {
    expect(checkAnchor(log, anchor)).to.equal(null);
    expect(checkAnchor(appendEntry(log, changes[0]!), anchor)).to.equal(null);
  });

  it('names a log cut short before the anchor (the last rows deleted)', () => {
    expect(checkAnchor(log.slice(0, 1), anchor, 'en')).to.deep.equal({
      fault: 'cut_short',
      message: `The log has 1 entries, but entry 2 (hash ${log[1]!.hash.slice(0, 12)}…) was known before: the log was cut short.`,
    });
  });

  it('names a log rewritten and re-chained from the start (the chain alone holds, the anchor does not)', () => {
    const rewritten = appendEntries([], [{ ...changes[0]!, after: 'noe annet' }, changes[1]!, changes[2]!]);
    expect(verifyChain(rewritten).ok).to.equal(true);
    expect(checkAnchor(rewritten, anchor)?.fault).to.equal('anchor_mismatch');
  });
});
