import { act } from "@market/activities"; import { dbName } from "@market/db"; export const x: string = act() + dbName("b");
