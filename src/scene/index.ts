/** The firm view's scenes: what the React host loads (as its own lazy chunk, with Phaser). */
export { createFirmGame, type FirmGame, type FirmGameOptions } from './createGame';
export { storeSource } from './source';
