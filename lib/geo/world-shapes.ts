import 'server-only';
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { iso31661NumericToAlpha2 } from 'iso-3166';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';

// The map is drawn on the server: the browser gets finished SVG paths and no map library, and
// nothing is fetched from a tile server. Natural Earth 1:110m (world-atlas) is public domain.

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 500;

export interface CountryShape {
  /** ISO 3166-1 alpha-2, or null for shapes without one (N. Cyprus, Somaliland, Kosovo). */
  code: string | null;
  name: string;
  path: string;
  /** Projected centroid, where the country's bubble sits. */
  centroid: [number, number] | null;
}

interface WorldShapes {
  countries: CountryShape[];
  outline: string;
  project(longitude: number, latitude: number): [number, number] | null;
}

let cached: WorldShapes | null = null;

export function getWorldShapes(): WorldShapes {
  if (cached) return cached;
  const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  const projection = geoNaturalEarth1().fitExtent(
    [
      [4, 4],
      [MAP_WIDTH - 4, MAP_HEIGHT - 4],
    ],
    { type: 'Sphere' },
  );
  const path = geoPath(projection);
  const numericToAlpha2 = iso31661NumericToAlpha2 as Record<string, string | undefined>;
  const countries = collection.features
    .filter((shape) => shape.properties?.name !== 'Antarctica')
    .map((shape) => {
      const centroid = path.centroid(shape);
      return {
        code: (shape.id !== undefined && numericToAlpha2[String(shape.id)]) || null,
        name: shape.properties?.name ?? '',
        path: path(shape) ?? '',
        centroid: Number.isFinite(centroid[0]) ? ([centroid[0], centroid[1]] as [number, number]) : null,
      };
    });
  cached = {
    countries,
    outline: path({ type: 'Sphere' }) ?? '',
    project: (longitude, latitude) => projection([longitude, latitude]) ?? null,
  };
  return cached;
}
