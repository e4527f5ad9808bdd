'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { cx } from '@/components/ui/cx';

export interface MapCountry {
  code: string | null;
  name: string;
  path: string;
  /** Where a click goes: this country selected, or unselected when it already is. */
  href: string | null;
  hasEvents: boolean;
}

export interface MapBubble {
  code: string;
  name: string;
  x: number;
  y: number;
  radius: number;
  /** A CSS colour (a theme variable). */
  colour: string;
  href: string;
  /** Lines of the hover card. */
  figures: string[];
}

interface Props {
  width: number;
  height: number;
  outline: string;
  countries: MapCountry[];
  bubbles: MapBubble[];
  selected: string | undefined;
}

/**
 * The world, drawn from server-projected SVG paths (no tiles, no map library in the browser).
 * Clicking a country or its bubble filters the page by putting ?country= in the URL.
 */
export function WorldMap({ width, height, outline, countries, bubbles, selected }: Props) {
  const router = useRouter();
  const [hover, setHover] = useState<MapBubble | null>(null);
  const go = (href: string | null) => {
    if (href) router.push(href, { scroll: false });
  };

  return (
    <div className="relative">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full"
        role="img"
        aria-label="World map of source addresses: bubbles sized by events"
        data-testid="world-map"
      >
        <path d={outline} className="fill-surface-muted stroke-line" />
        {countries.map((country) => (
          // biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut only; each country's bubble is focusable and the countries table links do the same by keyboard.
          <path
            key={`${country.code}-${country.name}`}
            d={country.path}
            data-country={country.code ?? undefined}
            onClick={() => go(country.href)}
            className={cx(
              'stroke-line-strong transition-colors',
              country.code && country.code === selected
                ? 'fill-accent-soft stroke-accent'
                : country.hasEvents
                  ? 'fill-surface-hover'
                  : 'fill-surface',
              country.href ? 'cursor-pointer hover:fill-accent-soft' : '',
            )}
            strokeWidth={0.5}
          >
            <title>{country.name}</title>
          </path>
        ))}
        {bubbles.map((bubble) => (
          // biome-ignore lint/a11y/useSemanticElements: an SVG circle cannot be a <button>; the tables below list the same countries as links.
          <circle
            key={bubble.code}
            cx={bubble.x}
            cy={bubble.y}
            r={bubble.radius}
            role="button"
            tabIndex={0}
            aria-label={`${bubble.name}: ${bubble.figures.join(', ')}`}
            data-bubble={bubble.code}
            fill={bubble.colour}
            fillOpacity={bubble.code === selected ? 0.85 : 0.55}
            stroke={bubble.colour}
            strokeWidth={bubble.code === selected ? 2 : 1}
            className="cursor-pointer"
            onMouseEnter={() => setHover(bubble)}
            onMouseLeave={() => setHover(null)}
            onFocus={() => setHover(bubble)}
            onBlur={() => setHover(null)}
            onClick={() => go(bubble.href)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') go(bubble.href);
            }}
          />
        ))}
      </svg>
      {hover ? (
        <div
          role="tooltip"
          className="pointer-events-none absolute z-10 min-w-44 rounded-lg border border-line-strong bg-surface px-3 py-2 text-xs shadow-md"
          style={{
            left: `${Math.min((hover.x / width) * 100, 80)}%`,
            top: `${(hover.y / height) * 100}%`,
            transform: 'translate(12px, -50%)',
          }}
        >
          <p className="font-semibold text-fg">{hover.name}</p>
          {hover.figures.map((line) => (
            <p key={line} className="text-muted">
              {line}
            </p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
