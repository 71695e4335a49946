/**
 * Saving a text file to the learner's disk, and reading one they picked or linked. Bytes are
 * decoded by src/scenario's reader (decode.ts), the same as the command line's, so the app
 * and `npm run sim` accept the same files.
 */
import { MAX_FILE_BYTES, fileText, tooLargeIssue } from '../../scenario/decode';
import type { ScenarioIssue } from '../../scenario/load';
import type { Lang } from '../../sim/text';

export { MAX_FILE_BYTES };

/** Offers `text` as a download named `fileName` (UTF-8). */
export function saveTextFile(text: string, fileName: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The bytes of a picked or dropped file; one too large is refused before it is read. */
export type PickedBytes = { ok: true; bytes: ArrayBuffer } | { ok: false; errors: ScenarioIssue[] } | { ok: false; unreadable: true };

/** Reads a picked or dropped file's bytes (null `errors`: the browser could not read it). */
export async function readFileBytes(file: File, lang: Lang): Promise<PickedBytes> {
  if (file.size > MAX_FILE_BYTES) return { ok: false, errors: [tooLargeIssue(file.size, file.name, lang)] };
  try {
    return { ok: true, bytes: await file.arrayBuffer() };
  } catch {
    return { ok: false, unreadable: true };
  }
}

/** The text of a picked or dropped file, decoded as the command line decodes it. */
export async function readTextFile(file: File, lang: Lang): Promise<{ ok: true; text: string } | Exclude<PickedBytes, { ok: true }>> {
  const r = await readFileBytes(file, lang);
  return r.ok ? fileText(new Uint8Array(r.bytes), file.name, lang) : r;
}

/** Why a link's file could not be downloaded. */
export type LinkFailure =
  | { kind: 'http'; status: number; statusText: string }
  /** Larger than MAX_FILE_BYTES: `bytes` is the size announced, or how much had arrived when the download was stopped. */
  | { kind: 'tooLarge'; bytes: number; announced: boolean }
  | { kind: 'network' }
  | { kind: 'aborted' };

/**
 * Downloads `url`, streaming the body and stopping as soon as it passes `max` bytes (an
 * announced Content-Length above it stops it before the body is read at all).
 */
export async function downloadCapped(url: string, signal: AbortSignal, max = MAX_FILE_BYTES): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; failure: LinkFailure }> {
  const fail = (failure: LinkFailure) => ({ ok: false as const, failure });
  let res: Response;
  try {
    res = await fetch(url, { signal });
  } catch {
    return fail(signal.aborted ? { kind: 'aborted' } : { kind: 'network' });
  }
  if (!res.ok) {
    void res.body?.cancel().catch(() => undefined);
    return fail({ kind: 'http', status: res.status, statusText: res.statusText });
  }
  const announced = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(announced) && announced > max) {
    void res.body?.cancel().catch(() => undefined);
    return fail({ kind: 'tooLarge', bytes: announced, announced: true });
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    if (!res.body) {
      const all = new Uint8Array(await res.arrayBuffer());
      return all.length > max ? fail({ kind: 'tooLarge', bytes: all.length, announced: false }) : { ok: true, bytes: all };
    }
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > max) {
        await reader.cancel().catch(() => undefined);
        return fail({ kind: 'tooLarge', bytes: total, announced: false });
      }
      chunks.push(value);
    }
  } catch {
    return fail(signal.aborted ? { kind: 'aborted' } : { kind: 'network' });
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { ok: true, bytes };
}
