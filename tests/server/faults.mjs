// Test-server middleware (Koa style) that answers fault-injecting feed URLs under
// /faults/. Real HTTP, no mocked fetch. Extended by the feed-layer tests.
export async function faultMiddleware(ctx, next) {
  if (!ctx.path.startsWith('/faults/')) return next();
  const name = ctx.path.slice('/faults/'.length);
  switch (name) {
    case '404':
      ctx.status = 404;
      ctx.body = 'Not found';
      return;
    default:
      return next();
  }
}
