/** The reference strategies a computer firm of a market may play (the random one is a test tool, not a rival). */
export const MARKET_POLICIES = ['value-based', 'uniform', 'cost-cutter', 'discounter'] as const;
export type MarketPolicy = (typeof MARKET_POLICIES)[number];

/** Whether `id` is a strategy a computer firm plays (its name has a message). */
export const isMarketPolicy = (id: string | null): id is MarketPolicy => id !== null && (MARKET_POLICIES as readonly string[]).includes(id);
