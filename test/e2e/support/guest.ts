/** Signs in as the guest provider does for the browser, and returns the Backstage token. */
export async function guestToken(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/guest/refresh?env=development`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!response.ok) throw new Error(`guest sign-in failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { backstageIdentity?: { token?: string } };
  const token = body.backstageIdentity?.token;
  if (!token) throw new Error('guest sign-in returned no Backstage token');
  return token;
}

/** Waits until the catalog has processed an entity from the example locations. */
export async function waitForEntity(baseUrl: string, ref: { kind: string; namespace: string; name: string }, timeoutMs = 60_000) {
  const token = await guestToken(baseUrl);
  const url = `${baseUrl}/api/catalog/entities/by-name/${ref.kind}/${ref.namespace}/${ref.name}`;
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (response.ok) return;
    last = `${response.status} ${(await response.text()).slice(0, 200)}`;
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error(`the catalog did not list ${ref.kind}:${ref.namespace}/${ref.name} within ${timeoutMs / 1000} s (${last})`);
}
