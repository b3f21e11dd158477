package dev.assetsdeploy.fakeapi;

import static dev.assetsdeploy.fakeapi.Envelope.success;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Custom domains, as wrangler 4.164 sets them: {@code POST .../scripts/NAME/domains/changeset?replace_state=true}
 * (what would change; changes nothing) then {@code PUT .../scripts/NAME/domains/records} (sets them). Codes of the
 * refusals are invented (the real ones are not in wrangler or the docs): 10019 for a hostname on no zone of the
 * account, 100117 for another Worker's hostname without {@code override_existing_origin}, 10021 for a malformed body.
 */
final class CustomDomainsArea implements FakeArea {

    private static final String SCRIPT = "^/accounts/([^/]+)/workers/scripts/([^/]+)";
    private static final Set<String> ORIGIN_KEYS =
            Set.of("hostname", "zone_id", "zone_name", "enabled", "previews_enabled");
    private static final List<String> OVERRIDES =
            List.of("override_scope", "override_existing_origin", "override_existing_dns_record");

    private final FakeCloudflareApi api;
    private final List<String> problems;

    CustomDomainsArea(FakeCloudflareApi api, List<String> problems) {
        this.api = api;
        this.problems = problems;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.of("POST", SCRIPT + "/domains/changeset$", JsonCall.account(api, problems, this::changeset)),
                Route.of("PUT", SCRIPT + "/domains/records$", JsonCall.account(api, problems, this::records)));
    }

    /** {@code added} (new hostnames), {@code removed} (this Worker's others, under replace_state), {@code updated}. */
    private JsonObject changeset(JsonCall call) {
        Worker worker = call.workerToChange(call.group(2));
        String replace = call.query("replace_state");
        if (replace != null && !replace.equals("true") && !replace.equals("false")) {
            throw ApiError.invalid("replace_state must be true or false, got " + replace);
        }
        Map<String, CustomDomain> wanted = origins(call.state, worker.name, call.jsonArray("the custom domains"));
        JsonArray added = new JsonArray();
        JsonArray updated = new JsonArray();
        JsonArray removed = new JsonArray();
        for (CustomDomain domain : wanted.values()) {
            CustomDomain current = find(call.state, domain.hostname());
            if (current == null) {
                added.add(domain.toJson(false));
            } else if (!current.service().equals(worker.name)) {
                JsonObject change = current.toJson(true);
                change.addProperty("service", worker.name);
                change.addProperty("modified", true);
                updated.add(change);
            }
        }
        if ("true".equals(replace)) {
            call.state.allDomains().stream()
                    .filter(d -> d.service().equals(worker.name) && !wanted.containsKey(d.hostname()))
                    .forEach(d -> removed.add(d.toJson(true)));
        }
        JsonObject result = new JsonObject();
        result.add("added", added);
        result.add("removed", removed);
        result.add("updated", updated);
        result.add("conflicting", new JsonArray());
        return success(result);
    }

    /** Sets the Worker's custom domains: the three overrides and the origins are all required. */
    private JsonObject records(JsonCall call) {
        Worker worker = call.workerToChange(call.group(2));
        JsonObject body = call.jsonObject("the custom domain records");
        for (String key : body.keySet()) {
            if (!OVERRIDES.contains(key) && !key.equals("origins")) {
                throw ApiError.invalid("unknown field '" + key + "'");
            }
        }
        for (String key : OVERRIDES) {
            if (!JsonValues.isBoolean(body.get(key))) {
                throw ApiError.invalid(key + " is required (a boolean)");
            }
        }
        if (body.get("origins") == null || !body.get("origins").isJsonArray()) {
            throw ApiError.invalid("origins is required (a list of {hostname, ...})");
        }
        Map<String, CustomDomain> wanted = origins(call.state, worker.name, body.getAsJsonArray("origins"));
        boolean overrideOrigin = body.get("override_existing_origin").getAsBoolean();
        for (String host : wanted.keySet()) {
            CustomDomain current = find(call.state, host);
            if (current != null && !current.service().equals(worker.name) && !overrideOrigin) {
                throw ApiError.refused(
                        409, 100117, host + " is already a custom domain of Worker '" + current.service() + "'");
            }
        }
        boolean scope = body.get("override_scope").getAsBoolean();
        call.state
                .allDomains()
                .removeIf(d -> wanted.containsKey(d.hostname())
                        || (scope && d.service().equals(worker.name)));
        call.state.allDomains().addAll(wanted.values());
        JsonArray result = new JsonArray();
        wanted.values().forEach(d -> result.add(d.toJson(true)));
        return success(result);
    }

    /** Each origin, checked, as the domain it makes for this Worker, by hostname. */
    private static Map<String, CustomDomain> origins(WorkersState state, String worker, JsonArray origins) {
        Map<String, CustomDomain> domains = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        for (JsonElement element : origins) {
            JsonObject origin = element.isJsonObject() ? element.getAsJsonObject() : null;
            if (origin == null || !JsonValues.isString(origin.get("hostname"))) {
                throw ApiError.invalid("a custom domain is {\"hostname\": ..., ...}, got " + element);
            }
            String host = origin.get("hostname").getAsString();
            for (String key : origin.keySet()) {
                if (!ORIGIN_KEYS.contains(key)) {
                    throw ApiError.invalid("custom domain " + host + " has an unknown field '" + key + "'");
                }
            }
            if (host.contains("*") || host.contains("/")) {
                refused.add(host);
                continue;
            }
            String zone = zoneOf(state, origin, host);
            if (domains.put(
                            host,
                            CustomDomain.of(host, worker, state.zonesByName().get(zone), zone))
                    != null) {
                throw ApiError.invalid("custom domain " + host + " is listed twice");
            }
        }
        if (!refused.isEmpty()) {
            throw ApiError.invalid("wildcards and paths are not allowed in custom domains: " + refused);
        }
        return domains;
    }

    private static String zoneOf(WorkersState state, JsonObject origin, String host) {
        Map<String, String> zones = state.zonesByName();
        for (String key : List.of("zone_id", "zone_name")) {
            if (origin.has(key) && !JsonValues.isString(origin.get(key))) {
                throw ApiError.invalid("custom domain " + host + ": " + key + " must be a string");
            }
        }
        String zone;
        if (origin.has("zone_id")) {
            String id = origin.get("zone_id").getAsString();
            zone = zones.entrySet().stream()
                    .filter(z -> z.getValue().equals(id))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(null);
        } else if (origin.has("zone_name")) {
            zone = zones.containsKey(origin.get("zone_name").getAsString())
                    ? origin.get("zone_name").getAsString()
                    : null;
        } else {
            zone = state.zoneNameOf(host);
        }
        if (zone == null || !(host.equals(zone) || host.endsWith("." + zone))) {
            throw ApiError.refused(400, 10019, "Could not find a zone of the account for custom domain " + host);
        }
        return zone;
    }

    private static CustomDomain find(WorkersState state, String host) {
        return state.allDomains().stream()
                .filter(d -> d.hostname().equals(host))
                .findFirst()
                .orElse(null);
    }
}
