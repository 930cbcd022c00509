// Writing a file safely as the command line does (engine/workbook/xlsx/save-file.ts): through a
// symbolic link to its target, keeping mode and owner, and on any failure of the disk or the
// folder a FileWriteError naming the path, with the target untouched and no temporary file left.
import { expect } from 'chai';
import {
  chmodSync,
  chownSync,
  closeSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileErrorProblem } from '../../../engine/cli/file-access.js';
import { fileProblem } from '../../../engine/messages/file-errors.js';
import { FileWriteError, resolveTarget, WorkbookExistsError, writeFileSafely } from '../../../engine/workbook/xlsx/save-file.js';

const isRoot = process.getuid?.() === 0;

/** An error as Node's fs gives it, with a code and no path (as a write to a full disk does). */
function systemError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code, errno: -28, syscall: 'write' });
}

async function refusal(write: Promise<void>): Promise<unknown> {
  try {
    await write;
  } catch (error) {
    return error;
  }
  throw new Error('the write was not refused');
}

describe('writeFileSafely (safe file writes)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ia-lagre-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  /** A fresh folder holding one workbook with the text "gammel" (old). */
  function folderWithOld(): { folder: string; file: string } {
    const folder = join(dir, `tilfelle-${++n}`);
    mkdirSync(folder);
    const file = join(folder, 'plan.xlsx');
    writeFileSync(file, 'gammel');
    return { folder, file };
  }
  const write = (text: string) => (temp: string) => writeFileSync(temp, text);

  it('writes through a symbolic link to its target: the link stays a link and the target holds the new bytes', async () => {
    const { folder, file } = folderWithOld();
    const links = join(folder, 'lenker');
    mkdirSync(links);
    const link = join(links, 'plan.xlsx');
    symlinkSync('../plan.xlsx', link);
    await writeFileSafely(link, write('ny'), { overwrite: true });
    expect(lstatSync(link).isSymbolicLink()).to.equal(true);
    expect(readlinkSync(link)).to.equal('../plan.xlsx');
    expect(readFileSync(file, 'utf8')).to.equal('ny');
    // The temporary file went into the target's folder and is gone; nothing was left beside the link.
    expect(readdirSync(folder).sort()).to.deep.equal(['lenker', 'plan.xlsx']);
    expect(readdirSync(links)).to.deep.equal(['plan.xlsx']);
  });

  it('follows a chain of links, and a dangling link to the file it would create', async () => {
    const { folder, file } = folderWithOld();
    symlinkSync('plan.xlsx', join(folder, 'a.xlsx'));
    symlinkSync('a.xlsx', join(folder, 'b.xlsx'));
    expect(resolveTarget(join(folder, 'b.xlsx'))).to.equal(file);
    symlinkSync('ny.xlsx', join(folder, 'peker.xlsx'));
    await writeFileSafely(join(folder, 'peker.xlsx'), write('første'), { overwrite: false });
    expect(lstatSync(join(folder, 'peker.xlsx')).isSymbolicLink()).to.equal(true);
    expect(readFileSync(join(folder, 'ny.xlsx'), 'utf8')).to.equal('første');
  });

  it('refuses a loop of links as ELOOP naming the path', async () => {
    const { folder } = folderWithOld();
    symlinkSync('y.xlsx', join(folder, 'x.xlsx'));
    symlinkSync('x.xlsx', join(folder, 'y.xlsx'));
    const error = await refusal(writeFileSafely(join(folder, 'x.xlsx'), write('ny'), { overwrite: true }));
    expect(error).to.be.instanceOf(FileWriteError);
    expect((error as FileWriteError).code).to.equal('ELOOP');
  });

  it("keeps the replaced file's mode", async () => {
    const { file } = folderWithOld();
    chmodSync(file, 0o640);
    await writeFileSafely(file, write('ny'), { overwrite: true });
    expect(statSync(file).mode & 0o7777).to.equal(0o640);
    expect(readFileSync(file, 'utf8')).to.equal('ny');
  });

  it("keeps the replaced file's owner and group", async () => {
    const { file } = folderWithOld();
    // As root the file is given to another user first; otherwise it is the test's own, and stays so.
    if (isRoot) chownSync(file, 1234, 2345);
    const before = statSync(file);
    await writeFileSafely(file, write('ny'), { overwrite: true });
    const after = statSync(file);
    expect([after.uid, after.gid]).to.deep.equal([before.uid, before.gid]);
    if (isRoot) expect([after.uid, after.gid]).to.deep.equal([1234, 2345]);
  });

  it('refuses a full disk (an injected ENOSPC) as a FileWriteError naming the path: target untouched, no temporary file', async () => {
    const { folder, file } = folderWithOld();
    const error = await refusal(
      writeFileSafely(
        file,
        (temp) => {
          writeFileSync(temp, 'halv');
          throw systemError('ENOSPC');
        },
        { overwrite: true },
      ),
    );
    expect(error).to.be.instanceOf(FileWriteError);
    expect((error as FileWriteError).path).to.equal(file);
    expect((error as FileWriteError).code).to.equal('ENOSPC');
    expect(readFileSync(file, 'utf8')).to.equal('gammel');
    expect(readdirSync(folder)).to.deep.equal(['plan.xlsx']);
  });

  it('refuses a real ENOSPC from /dev/full the same way', async function () {
    const { folder, file } = folderWithOld();
    const error = await refusal(
      writeFileSafely(
        file,
        (temp) => {
          writeFileSync(temp, 'halv');
          const fd = openSync('/dev/full', 'w');
          try {
            writeSync(fd, 'x'.repeat(4096));
          } finally {
            closeSync(fd);
          }
        },
        { overwrite: true },
      ),
    );
    expect((error as FileWriteError).code).to.equal('ENOSPC');
    expect(readFileSync(file, 'utf8')).to.equal('gammel');
    expect(readdirSync(folder)).to.deep.equal(['plan.xlsx']);
  });

  it('refuses a missing folder as ENOENT, which reads "the folder does not exist"', async () => {
    const path = join(dir, 'finnes-ikke', 'plan.xlsx');
    const error = await refusal(writeFileSafely(path, write('ny'), { overwrite: false }));
    expect((error as FileWriteError).code).to.equal('ENOENT');
    const problem = fileErrorProblem(error, 'nb')!;
    expect(problem.code).to.equal('unwritable_file');
    expect(problem.message).to.equal(
      `${path}: Filen kan ikke skrives. Forventet: en mappe som finnes, kan skrives til og har ledig plass. ` +
        'Årsak: mappen finnes ikke. Ingenting ble skrevet.',
    );
  });

  it('refuses a target that is a folder, or a link to a device, without touching it', async () => {
    const { folder } = folderWithOld();
    mkdirSync(join(folder, 'mappe.xlsx'));
    const onFolder = await refusal(writeFileSafely(join(folder, 'mappe.xlsx'), write('ny'), { overwrite: true }));
    expect((onFolder as FileWriteError).code).to.equal('EISDIR');
    symlinkSync('/dev/null', join(folder, 'null.xlsx'));
    const onDevice = await refusal(writeFileSafely(join(folder, 'null.xlsx'), write('ny'), { overwrite: true }));
    expect((onDevice as FileWriteError).code).to.equal('not_a_file');
    expect(statSync('/dev/null').isCharacterDevice()).to.equal(true);
    expect(readdirSync(folder).sort()).to.deep.equal(['mappe.xlsx', 'null.xlsx', 'plan.xlsx']);
  });

  it('refuses an existing file without overwrite, and a last check that throws leaves the target as it was', async () => {
    const { folder, file } = folderWithOld();
    expect(await refusal(writeFileSafely(file, write('ny'), { overwrite: false }))).to.be.instanceOf(WorkbookExistsError);
    const stop = new Error('endret');
    const checked = await refusal(
      writeFileSafely(file, write('ny'), {
        overwrite: true,
        beforeReplace: () => {
          throw stop;
        },
      }),
    );
    expect(checked).to.equal(stop);
    expect(readFileSync(file, 'utf8')).to.equal('gammel');
    expect(readdirSync(folder)).to.deep.equal(['plan.xlsx']);
  });

  it('passes an error that is no file-system error through as it is (a fault of the program)', async () => {
    const { file } = folderWithOld();
    const bug = new TypeError('x is undefined');
    const error = await refusal(
      writeFileSafely(
        file,
        () => {
          throw bug;
        },
        { overwrite: true },
      ),
    );
    expect(error).to.equal(bug);
    expect(fileErrorProblem(error, 'nb')).to.equal(null);
  });
});

describe('file problems (the reason in words)', () => {
  const cases: [string, 'read' | 'write', string, string][] = [
    ['ENOENT', 'read', 'Årsak: filen finnes ikke.', 'Reason: the file does not exist.'],
    ['ENOENT', 'write', 'Årsak: mappen finnes ikke.', 'Reason: the folder does not exist.'],
    ['EISDIR', 'read', 'Årsak: stien er en mappe, ikke en fil.', 'Reason: the path is a folder, not a file.'],
    ['EACCES', 'read', 'Årsak: ingen tilgang (rettighetene tillater det ikke).', 'Reason: permission denied.'],
    ['ENOSPC', 'write', 'Årsak: disken er full.', 'Reason: the disk is full.'],
    ['EROFS', 'write', 'Årsak: filsystemet er skrivebeskyttet.', 'Reason: the file system is read-only.'],
    ['EWHATEVER', 'read', 'Årsak: feilkode EWHATEVER.', 'Reason: error code EWHATEVER.'],
  ];
  for (const [code, operation, nb, en] of cases) {
    it(`${code} on ${operation}: ${en}`, () => {
      expect(fileProblem('/data/f.csv', operation, code, 'nb').message)
        .to.contain(`/data/f.csv: `)
        .and.contain(nb);
      expect(fileProblem('/data/f.csv', operation, code, 'en').message)
        .to.contain(`/data/f.csv: `)
        .and.contain(en);
    });
  }

  it("maps a bare error of Node's fs by its call: a stat is a read, a rename a write", () => {
    const stat = Object.assign(new Error('x'), { code: 'EACCES', syscall: 'stat', path: '/a/b.csv' });
    const rename = Object.assign(new Error('x'), { code: 'EXDEV', syscall: 'rename', path: '/a/b.xlsx' });
    expect(fileErrorProblem(stat, 'en')!.code).to.equal('unreadable_file');
    expect(fileErrorProblem(rename, 'en')!.code).to.equal('unwritable_file');
    expect(fileErrorProblem(Object.assign(new Error('x'), { code: 'EACCES' }), 'en')).to.equal(null);
  });
});
