// Impossible travel: two consecutive calls of one principal (or one access key) from places
// farther apart than an airliner could fly in the time between them.

export const EARTH_RADIUS_KM = 6371.0088;
/** Faster than a commercial flight (anchors section c: 900-1000 km/h). */
export const MAX_PLAUSIBLE_KMH = 900;
/** Below this, GeoIP error (city centroids, mobile carriers) explains the jump. */
export const MIN_TRAVEL_KM = 500;
/** Calls in the same second still took some time; avoids dividing by zero. */
const MIN_HOURS = 1 / 60;

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

export interface GeoPoint {
  ip: string;
  time: Date;
  latitude: number;
  longitude: number;
  /** "City, CC" for the report. */
  location: string;
  /** Reference to the event, for evidence. */
  eventId: string;
  accountId: string;
}

export interface TravelHop {
  from: GeoPoint;
  to: GeoPoint;
  distanceKm: number;
  hours: number;
  speedKmh: number;
}

/** A hop between two consecutive geolocated calls, or null when it is physically possible. */
export function impossibleHop(from: GeoPoint, to: GeoPoint): TravelHop | null {
  const distanceKm = haversineKm(from.latitude, from.longitude, to.latitude, to.longitude);
  if (distanceKm <= MIN_TRAVEL_KM) return null;
  const hours = Math.max(Math.abs(to.time.getTime() - from.time.getTime()) / 3_600_000, MIN_HOURS);
  const speedKmh = distanceKm / hours;
  return speedKmh > MAX_PLAUSIBLE_KMH ? { from, to, distanceKm, hours, speedKmh } : null;
}

/** Impossible hops in a time-ordered sequence of calls of one principal or key. */
export function impossibleTravel(points: readonly GeoPoint[]): TravelHop[] {
  const hops: TravelHop[] = [];
  for (let i = 1; i < points.length; i++) {
    const from = points[i - 1];
    const to = points[i];
    if (!from || !to || from.ip === to.ip) continue;
    const hop = impossibleHop(from, to);
    if (hop) hops.push(hop);
  }
  return hops;
}
