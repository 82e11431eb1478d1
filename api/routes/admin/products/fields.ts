import { z } from 'zod';

/**
 * Field schemas the catalog admin resources share (products, categories, tags): a slug is the record's public name
 * in URLs, so it is lower-case ASCII words joined by single hyphens, and unique per resource (a clash is a 409).
 */
export const slugSchema = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Lower-case letters, digits and single hyphens');

/** A field react-admin echoes back from the record it showed; the server owns it, so the value is ignored. */
export const ignored = <T extends z.ZodType>(schema: T) =>
  schema.optional().meta({ description: 'Read-only, ignored' });

/** An ISO 8601 timestamp react-admin echoes back (createdAt, updatedAt). */
export const echoedTimestamp = ignored(z.string().nullable());
