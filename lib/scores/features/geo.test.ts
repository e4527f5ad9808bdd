import { describe, expect, test } from 'vitest';
import { type GeoPoint, haversineKm, impossibleHop, impossibleTravel } from './geo';

const DENVER = { latitude: 39.7392, longitude: -104.9903 };
const AMSTERDAM = { latitude: 52.3676, longitude: 4.9041 };
const BOULDER = { latitude: 40.015, longitude: -105.2705 };
const CHICAGO = { latitude: 41.8781, longitude: -87.6298 };

function at(place: { latitude: number; longitude: number }, ip: string, iso: string): GeoPoint {
  return { ...place, ip, time: new Date(iso), location: ip, eventId: `e-${ip}-${iso}`, accountId: '1' };
}

describe('haversineKm', () => {
  test('known distances', () => {
    expect(
      haversineKm(DENVER.latitude, DENVER.longitude, AMSTERDAM.latitude, AMSTERDAM.longitude),
    ).toBeGreaterThan(7_700);
    expect(
      haversineKm(DENVER.latitude, DENVER.longitude, AMSTERDAM.latitude, AMSTERDAM.longitude),
    ).toBeLessThan(7_900);
    // A quarter of a meridian is about 10,008 km.
    expect(haversineKm(0, 0, 90, 0)).toBeCloseTo(10_007.5, 0);
    expect(haversineKm(10, 20, 10, 20)).toBe(0);
  });

  test('across the antimeridian it takes the short way', () => {
    expect(haversineKm(0, 179.5, 0, -179.5)).toBeLessThan(120);
  });
});

describe('impossible travel', () => {
  test('Denver then Amsterdam an hour later is impossible; twelve hours later it is a flight', () => {
    const hop = impossibleHop(
      at(DENVER, 'a', '2026-10-01T10:00:00Z'),
      at(AMSTERDAM, 'b', '2026-10-01T11:00:00Z'),
    );
    expect(hop?.speedKmh).toBeGreaterThan(7_000);
    expect(hop?.hours).toBe(1);
    expect(
      impossibleHop(at(DENVER, 'a', '2026-10-01T00:00:00Z'), at(AMSTERDAM, 'b', '2026-10-01T12:00:00Z')),
    ).toBeNull();
  });

  test('short jumps are GeoIP noise whatever the speed', () => {
    // Denver to Boulder (~40 km) within the same second.
    expect(
      impossibleHop(at(DENVER, 'a', '2026-10-01T10:00:00Z'), at(BOULDER, 'b', '2026-10-01T10:00:00Z')),
    ).toBeNull();
  });

  test('the 500 km and 900 km/h thresholds: Denver to Chicago (~1,480 km)', () => {
    expect(
      impossibleHop(at(DENVER, 'a', '2026-10-01T10:00:00Z'), at(CHICAGO, 'b', '2026-10-01T11:00:00Z')),
    ).not.toBeNull();
    expect(
      impossibleHop(at(DENVER, 'a', '2026-10-01T10:00:00Z'), at(CHICAGO, 'b', '2026-10-01T12:00:00Z')),
    ).toBeNull();
  });

  test('a sequence: only consecutive calls from different addresses are paired', () => {
    const hops = impossibleTravel([
      at(DENVER, 'home', '2026-10-01T08:00:00Z'),
      at(DENVER, 'home', '2026-10-01T09:00:00Z'),
      at(AMSTERDAM, 'vps', '2026-10-01T09:30:00Z'),
      at(AMSTERDAM, 'vps', '2026-10-01T09:40:00Z'),
      at(DENVER, 'home', '2026-10-02T09:40:00Z'),
    ]);
    expect(hops).toHaveLength(1);
    expect(hops[0]?.from.time.toISOString()).toBe('2026-10-01T09:00:00.000Z');
    expect(hops[0]?.to.ip).toBe('vps');
    expect(hops[0]?.speedKmh).toBeCloseTo(hops[0]?.distanceKm ? hops[0].distanceKm / 0.5 : 0, 6);
  });
});
