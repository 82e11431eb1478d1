export const dbName = (x: string): string => `db:${x}`;
