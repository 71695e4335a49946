/**
 * A class code's shape, alone: the home screen and the save reader check codes without loading
 * the class variants' machinery (classCode.ts).
 */

/** 2 to 40 letters, digits, dashes or underscores, as recorded (upper case). */
export const CLASS_CODE = /^[A-Z0-9][A-Z0-9_-]{1,39}$/;

/** The class code as every tool records it (trimmed, upper case), or null if it is not one. */
export function normalizeClassCode(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  return CLASS_CODE.test(code) ? code : null;
}
