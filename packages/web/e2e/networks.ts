import { expect, type Page } from '@playwright/test';

/**
 * Waits until the network of a phone holds `count` items. The network update runs after each item's analysis and
 * re-applies the link-graph terms of the risk score in the same transaction, so scores read afterwards are final.
 */
export async function waitNetworked(page: Page, phone: string, count: number, reason?: { purpose: string }): Promise<string> {
  let id = '';
  const q = new URLSearchParams({ entityType: 'phone', entity: phone });
  if (reason) q.set('purpose', reason.purpose);
  await expect
    .poll(
      async () => {
        const res = await page.request.get(`/api/v1/networks?${q.toString()}`);
        expect(res.status()).toBe(200);
        const first = ((await res.json()) as { networks: Array<{ id: string; itemCount: number }> }).networks[0];
        id = first?.id ?? '';
        return first?.itemCount ?? 0;
      },
      { timeout: 20_000, intervals: [200, 300, 500, 1000] },
    )
    .toBe(count);
  return id;
}
