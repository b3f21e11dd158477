export class Counter {
  constructor(ctx, env) {
    this.ctx = ctx;
  }
  async fetch(request) {
    return new Response("1");
  }
}

export default {
  async fetch(request, env) {
    return env.ASSETS.fetch(request);
  },
};
