import {x} from "./lib/x.mjs";
export default { fetch(r, env) { return env.ASSETS.fetch(r); } };
