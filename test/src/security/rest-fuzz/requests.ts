import type { Random } from '../fuzz/random';

/**
 * Upload requests for the REST fuzz test: a file in a multipart body as the web page sends it,
 * or the body itself mutated (boundaries missing or wrong, cut short, huge part headers, extra
 * parts), or no multipart at all (a raw body under another content type), to every import kind,
 * with odd modes and job ids now and then.
 */

export interface UploadCase {
  index: number;
  label: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
  /** Whether the request asked to commit (the store may then change only if the answer says so). */
  commit: boolean;
}

const KINDS = ['orders', 'orders', 'orders', 'firms', 'capabilities', 'needs', 'supports', 'targets', 'nope', '..%2F..%2Fetc', 'ORDERS'];

function multipart(boundary: string, parts: { headers: string; body: Buffer }[], close = true): Buffer {
  const pieces: Buffer[] = [];
  for (const p of parts) pieces.push(Buffer.from(`--${boundary}\r\n${p.headers}\r\n\r\n`), p.body, Buffer.from('\r\n'));
  if (close) pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(pieces);
}

const filePart = (file: Buffer, name = 'file', filename = 'upload.csv', type = 'application/octet-stream') => ({
  headers: `Content-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: ${type}`,
  body: file,
});

/** The envelope around the file: usually right, otherwise wrong in one of many ways. */
function envelope(random: Random, file: Buffer): { label: string; contentType: string; body: Buffer } {
  const boundary = `----fuzz${random.int(0, 1e9)}`;
  const good = `multipart/form-data; boundary=${boundary}`;
  if (random.chance(0.6)) return { label: 'multipart', contentType: good, body: multipart(boundary, [filePart(file, 'file', random.pick(['a.csv', 'a.xlsx', 'a', '中文.xlsx', '../../a.csv']))]) };
  switch (random.int(0, 11)) {
    case 0:
      return { label: 'no boundary', contentType: 'multipart/form-data', body: multipart(boundary, [filePart(file)]) };
    case 1: {
      const body = multipart(boundary, [filePart(file)]);
      return { label: 'cut short', contentType: good, body: body.subarray(0, random.int(0, body.length - 1)) };
    }
    case 2:
      return { label: 'other boundary', contentType: `multipart/form-data; boundary=${boundary}x`, body: multipart(boundary, [filePart(file)]) };
    case 3:
      return { label: 'wrong field', contentType: good, body: multipart(boundary, [filePart(file, random.pick(['files', 'upload', '', 'file[]']))]) };
    case 4:
      return { label: 'two files', contentType: good, body: multipart(boundary, [filePart(file), filePart(file)]) };
    case 5: {
      const fields = Array.from({ length: random.int(1, 30) }, (_, i) => ({ headers: `Content-Disposition: form-data; name="f${i}"`, body: Buffer.from('x'.repeat(random.int(0, 2_000))) }));
      return { label: 'extra fields', contentType: good, body: multipart(boundary, [...fields, filePart(file)]) };
    }
    case 6:
      return { label: 'huge part header', contentType: good, body: multipart(boundary, [filePart(file, 'file', `${'n'.repeat(random.int(10_000, 200_000))}.csv`)]) };
    case 7:
      return { label: 'no disposition', contentType: good, body: multipart(boundary, [{ headers: 'Content-Type: text/csv', body: file }]) };
    case 8:
      return { label: 'LF only', contentType: good, body: Buffer.from(multipart(boundary, [filePart(file)]).toString('latin1').replace(/\r\n/g, '\n'), 'latin1') };
    case 9:
      return { label: 'raw body', contentType: random.pick(['text/csv', 'application/octet-stream', 'application/json', 'application/x-www-form-urlencoded', 'text/plain', '']), body: file };
    case 10:
      return { label: 'quoted boundary', contentType: `multipart/form-data; boundary="${boundary}"; charset=${random.pick(['utf-8', 'gbk', 'nope'])}`, body: multipart(boundary, [filePart(file)]) };
    default:
      return { label: 'preamble and epilogue', contentType: good, body: Buffer.concat([Buffer.from('preamble\r\n'), multipart(boundary, [filePart(file)]), Buffer.from('epilogue'.repeat(random.int(0, 1_000)))]) };
  }
}

/** One upload; `kind` fixes the import kind (an intact file sent where it can be carried out). */
export function uploadCase(random: Random, index: number, fileLabel: string, file: Buffer, token: string, commit: boolean, kind = random.pick(KINDS)): UploadCase {
  const { label, contentType, body } = envelope(random, file);
  const mode = commit ? 'commit' : random.pick(['dry-run', 'dry-run', 'dry-run', '', 'DRY-RUN', 'commitx']);
  const query = new URLSearchParams(mode ? { mode } : {});
  if (random.chance(0.1)) query.set('job', random.pick([`fuzz-job-${index}-abcdef`, 'short', 'x'.repeat(100), '../../', `job ${index}`]));
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'x-graphql-yoga-csrf': 'fuzz', 'accept-language': random.pick(['en', 'zh', 'zh-CN,zh;q=0.9', '*', 'xx']) };
  if (contentType) headers['content-type'] = contentType;
  return { index, label: `${fileLabel} in ${label} to ${kind}?${query}`, path: `/api/import/${kind}?${query}`, headers, body, commit };
}
