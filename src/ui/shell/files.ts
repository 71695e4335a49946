/** Saving a text file to the learner's disk and reading one they picked. */

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

/** Most bytes a picked file may have (scenario and run files are far smaller). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The text of a picked or dropped file, or null when it cannot be read or is too large. */
export async function readTextFile(file: File): Promise<string | null> {
  if (file.size > MAX_FILE_BYTES) return null;
  try {
    return await file.text();
  } catch {
    return null;
  }
}
