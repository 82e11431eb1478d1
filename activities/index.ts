import { dbName } from "@market/db"; export const act = (): string => dbName("a");
