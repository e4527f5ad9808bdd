import { z } from 'zod';

// The overview's and geography page's URL parameters, parsed once. A value that does not parse is
// dropped rather than failing the page: a hand-edited link still opens, on the default view.

const isoTime = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)))
  .transform((value) => new Date(value));

function optional<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

export const VOLUME_GROUPINGS = ['service', 'account', 'ptype'] as const;
export type VolumeGrouping = (typeof VOLUME_GROUPINGS)[number];

export const BUBBLE_COLOURINGS = ['risk', 'novelty'] as const;
export type BubbleColouring = (typeof BUBBLE_COLOURINGS)[number];

const ZOverviewParams = z.object({
  from: optional(isoTime),
  to: optional(isoTime),
  by: z.enum(VOLUME_GROUPINGS).catch('service'),
});

const ZGeoParams = z.object({
  from: optional(isoTime),
  to: optional(isoTime),
  country: optional(z.string().regex(/^[A-Z]{2}$/)),
  color: z.enum(BUBBLE_COLOURINGS).catch('risk'),
});

export type OverviewParams = z.infer<typeof ZOverviewParams>;
export type GeoParams = z.infer<typeof ZGeoParams>;
export type SearchParams = Record<string, string | string[] | undefined>;

function firstValues(params: SearchParams): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
}

export function parseOverviewParams(params: SearchParams): OverviewParams {
  return ZOverviewParams.parse(firstValues(params));
}

export function parseGeoParams(params: SearchParams): GeoParams {
  return ZGeoParams.parse(firstValues(params));
}
