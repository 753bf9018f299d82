import { ApiHarness } from '../../api/src/testing/api-harness.js';
import { routeInventory } from '../../api/src/testing/route-inventory.js';

describe('route permissions', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start('routes');
  });
  afterAll(async () => {
    await api.stop();
  });

  it('every route declares a permission or is explicitly public', () => {
    const routes = routeInventory(api.app);
    expect(routes.length).toBeGreaterThan(5);
    const undeclared = routes.filter((r) => !r.isPublic && r.permission === undefined).map((r) => r.handler);
    expect(undeclared).toEqual([]);
  });

  it('only sign-in, refresh, sign-out and health are public', () => {
    const publicRoutes = routeInventory(api.app)
      .filter((r) => r.isPublic)
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(publicRoutes).toEqual([
      'GET /health',
      'POST /api/v1/auth/login',
      'POST /api/v1/auth/logout',
      'POST /api/v1/auth/refresh',
    ]);
  });

  it('serves the OpenAPI document with every route', async () => {
    const doc = await api.request<{ paths: Record<string, unknown> }>('GET', '/api/docs-json');
    expect(doc.status).toBe(200);
    const documented = Object.keys(doc.body.paths);
    for (const route of routeInventory(api.app).filter((r) => r.path.startsWith('/api/v1'))) {
      expect(documented).toContain(route.path.replace(/:(\w+)/g, '{$1}'));
    }
  });

  it('answers an unknown route with a 404 problem', async () => {
    const res = await api.request('GET', '/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('reports PostgreSQL and Redis in /health and echoes the request id', async () => {
    const res = await api.request<{ status: string; info: Record<string, { status: string }> }>('GET', '/health', {
      headers: { 'x-request-id': 'test-request-0001' },
    });
    expect(res.status).toBe(200);
    expect(res.body.info).toEqual({ postgres: { status: 'up' }, redis: { status: 'up' } });
    expect(res.headers.get('x-request-id')).toBe('test-request-0001');
  });
});
