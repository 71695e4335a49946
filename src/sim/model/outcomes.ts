/** Failure outcomes per customer (ctx.outcome). Odd codes are small losses, even codes large. */
export const OUT_NONE = 0;
export const OUT_SILENT_SMALL = 1;
export const OUT_SILENT_LARGE = 2;
export const OUT_UNRESOLVED_SMALL = 3;
export const OUT_UNRESOLVED_LARGE = 4;
export const OUT_RESOLVED_SMALL = 5;
export const OUT_RESOLVED_LARGE = 6;
export const OUT_QUICK_SMALL = 7;
export const OUT_QUICK_LARGE = 8;
