/** A feature's messages in both languages; the zh-CN tree must have the same keys as the en one. */
export type MessageTree = { [key: string]: string | MessageTree };

/** Widens literal strings so the zh-CN tree is checked against the shape of the en tree. */
export type SameShape<T> = { [K in keyof T]: T[K] extends string ? string : SameShape<T[K]> };

export interface Bilingual<T extends MessageTree> {
  en: T;
  'zh-CN': SameShape<T>;
}
