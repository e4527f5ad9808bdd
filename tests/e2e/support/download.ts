import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

/** Clicks a download link and returns the downloaded file's text. */
export async function downloadText(page: Page, linkName: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: linkName }).click(),
  ]);
  return readFileSync((await file.path()) as string, 'utf8');
}
