/** CC BY 4.0 asks for attribution wherever the data is shown, and DB-IP for a link back. */
export function GeoAttribution() {
  return (
    <p className="text-xs text-subtle">
      IP geolocation by{' '}
      <a href="https://db-ip.com" className="underline hover:text-fg" rel="noreferrer" target="_blank">
        DB-IP
      </a>
      , ASN data by RouteViews, the NRO and DB-IP, all licensed under{' '}
      <a
        href="https://creativecommons.org/licenses/by/4.0/"
        className="underline hover:text-fg"
        rel="noreferrer"
        target="_blank"
      >
        CC BY 4.0
      </a>
      , compiled by ip-location-db. Locations are approximate (city or country centroids). Country shapes:
      Natural Earth.
    </p>
  );
}
