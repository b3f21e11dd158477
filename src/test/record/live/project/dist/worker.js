export default {
  async fetch(request, env) {
    return env.ASSETS.fetch(request);
  },
  async scheduled(controller, env, ctx) {
    console.log("cron", controller.cron);
  },
};
