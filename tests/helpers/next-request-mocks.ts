// Stand-ins for the request context Next.js gives server actions (cookies(), headers()) and for
// the framework calls that only make sense inside it (revalidatePath, redirect, forbidden). The
// database, sessions and guards under test are all real; only the transport is simulated.
// Import this module before the code under test and register the mocks with vi.mock in the test
// file (vi.mock calls are hoisted there; see authorization-matrix.test.ts).

import { SESSION_COOKIE } from '../../lib/auth/constants';

export const requestState: { sessionToken: string | null; headers: Record<string, string> } = {
  sessionToken: null,
  headers: {},
};

export class RedirectSignal extends Error {
  constructor(readonly location: string) {
    super(`redirect to ${location}`);
  }
}

export class HttpSignal extends Error {
  constructor(readonly status: 403 | 404) {
    super(`http ${status}`);
  }
}

export const nextHeadersMock = {
  cookies: async () => ({
    get: (name: string) =>
      name === SESSION_COOKIE && requestState.sessionToken
        ? { name, value: requestState.sessionToken }
        : undefined,
    set: () => {},
    delete: () => {},
  }),
  headers: async () => new Headers({ 'user-agent': 'vitest', ...requestState.headers }),
};

export const nextCacheMock = { revalidatePath: () => {}, revalidateTag: () => {}, refresh: () => {} };

export const nextNavigationMock = {
  redirect: (location: string) => {
    throw new RedirectSignal(location);
  },
  forbidden: () => {
    throw new HttpSignal(403);
  },
  notFound: () => {
    throw new HttpSignal(404);
  },
};
