package dev.assetsdeploy.fakeapi;

import com.google.gson.JsonObject;

/** A Custom Domain: a hostname of a zone that a Worker ({@code service}) answers on. */
public record CustomDomain(String id, String zoneId, String zoneName, String hostname, String service) {

    static CustomDomain of(String hostname, String service, String zoneId, String zoneName) {
        return new CustomDomain(Ids.hex("domain", hostname), zoneId, zoneName, hostname, service);
    }

    /** The domain object of the domains API; {@code withId} false for the changeset's {@code added} entries. */
    JsonObject toJson(boolean withId) {
        JsonObject domain = new JsonObject();
        if (withId) {
            domain.addProperty("id", id);
        }
        domain.addProperty("zone_id", zoneId);
        domain.addProperty("zone_name", zoneName);
        domain.addProperty("hostname", hostname);
        domain.addProperty("service", service);
        domain.addProperty("environment", "production");
        domain.addProperty("cert_id", Ids.hex("cert", hostname));
        return domain;
    }
}
