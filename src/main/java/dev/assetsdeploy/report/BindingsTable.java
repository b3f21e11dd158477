package dev.assetsdeploy.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.assetsdeploy.JsNumber;
import dev.assetsdeploy.Json;
import dev.assetsdeploy.TerminalText;
import dev.assetsdeploy.config.Binding;
import dev.assetsdeploy.config.BindingKind;
import dev.assetsdeploy.config.WorkerBindings;
import dev.assetsdeploy.config.WorkerSettings;
import dev.assetsdeploy.deploy.BindingResolver;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * wrangler 4.164's "Your Worker has access to the following bindings" ({@code printBindings}): one row per binding
 * with its name, what it binds (the value in parentheses) and its kind, in wrangler's row order, laid out as wrangler
 * lays it out when the output is not a terminal; then the tail consumers. Required secrets are not listed (wrangler
 * does not list inherited secrets either). Names and values come from the config, and are shown escaped
 * ({@link TerminalText}; wrangler prints them raw), the columns measured on what is shown.
 */
public final class BindingsTable {

    /** One row: {@code env.NAME (value)}, and the kind. */
    public record Row(String name, String type, String value) {}

    /** wrangler's row order, which is not the wire order. */
    private static final List<Set<BindingKind>> ROWS = List.of(
            EnumSet.of(BindingKind.DURABLE_OBJECT),
            EnumSet.of(BindingKind.WORKFLOW),
            EnumSet.of(BindingKind.KV_NAMESPACE),
            EnumSet.of(BindingKind.SEND_EMAIL),
            EnumSet.of(BindingKind.QUEUE),
            EnumSet.of(BindingKind.D1),
            EnumSet.of(BindingKind.VECTORIZE),
            EnumSet.of(BindingKind.AI_SEARCH),
            EnumSet.of(BindingKind.HYPERDRIVE),
            EnumSet.of(BindingKind.VPC_SERVICE),
            EnumSet.of(BindingKind.VPC_NETWORK),
            EnumSet.of(BindingKind.R2_BUCKET),
            EnumSet.of(BindingKind.LOGFWDR),
            EnumSet.of(BindingKind.SECRETS_STORE_SECRET),
            EnumSet.of(BindingKind.ARTIFACTS),
            EnumSet.of(BindingKind.UNSAFE_HELLO_WORLD),
            EnumSet.of(BindingKind.FLAGSHIP),
            EnumSet.of(BindingKind.SERVICE),
            EnumSet.of(BindingKind.ANALYTICS_ENGINE),
            EnumSet.of(BindingKind.BROWSER),
            EnumSet.of(BindingKind.ANALYTICS),
            EnumSet.of(BindingKind.IMAGES),
            EnumSet.of(BindingKind.STREAM),
            EnumSet.of(BindingKind.MEDIA),
            EnumSet.of(BindingKind.AI),
            EnumSet.of(BindingKind.PIPELINES),
            EnumSet.of(BindingKind.K2),
            EnumSet.of(BindingKind.RATELIMIT),
            EnumSet.of(BindingKind.ASSETS),
            EnumSet.of(BindingKind.VERSION_METADATA),
            EnumSet.of(BindingKind.PLAIN_TEXT, BindingKind.JSON),
            EnumSet.of(BindingKind.DISPATCH_NAMESPACE),
            EnumSet.of(BindingKind.MTLS_CERTIFICATE),
            EnumSet.of(BindingKind.WORKER_LOADER));

    private static final int GAP = 6;

    private BindingsTable() {}

    /**
     * @param inherited names sent as {@code inherit} (shown as {@code inherited}); empty for a dry run, which shows a
     *                  draft binding without a value, as wrangler's does
     * @param hasCode   an assets-only Worker gets no bindings at all (wrangler lists them anyway; we do not)
     */
    public static List<Row> rows(WorkerBindings bindings, Set<String> inherited, boolean hasCode) {
        List<Row> rows = new ArrayList<>();
        if (!hasCode) {
            return rows;
        }
        for (Set<BindingKind> kinds : ROWS) {
            for (Binding binding : bindings.inWranglerOrder(kinds)) {
                // wrangler shows the resource of a binding it sends as inherit (one of the kinds it provisions) so
                String value = BindingResolver.KINDS.contains(binding.kind()) && inherited.contains(binding.name())
                        ? "inherited"
                        : value(binding);
                rows.add(new Row(binding.name(), binding.kind().friendlyName(), value));
            }
        }
        return rows;
    }

    /** The table's lines; then the tail consumers. */
    public static List<String> lines(List<Row> rows, WorkerSettings settings, boolean dryRun) {
        List<String> lines = new ArrayList<>();
        if (rows.isEmpty()) {
            if (dryRun) {
                lines.add("No bindings found.");
            }
        } else {
            int nameLength =
                    rows.stream().mapToInt(r -> shown(r.name()).length()).max().orElse(0);
            int valueLength = rows.stream()
                    .mapToInt(r -> r.value() == null ? 0 : shown(r.value()).length())
                    .max()
                    .orElse(0);
            int typeLength = Math.max(
                    "Resource".length(),
                    rows.stream().mapToInt(r -> r.type().length()).max().orElse(0));
            int bindingColumn = "env.".length() + nameLength + " (".length() + valueLength + ")".length();
            String gap = " ".repeat(GAP);
            lines.add("Your Worker has access to the following bindings:");
            lines.add(pad("Binding", bindingColumn) + gap + pad("Resource", typeLength) + gap);
            for (Row row : rows) {
                String binding = "env." + shown(row.name())
                        + (row.value() == null || row.value().isEmpty() ? "" : " (" + shown(row.value()) + ")");
                lines.add(pad(binding, bindingColumn) + gap + pad(row.type(), typeLength) + gap);
            }
            lines.add("");
        }
        List<String> consumers = new ArrayList<>();
        consumers(settings.tailConsumers(), "", consumers);
        consumers(settings.streamingTailConsumers(), " (streaming)", consumers);
        if (!consumers.isEmpty()) {
            lines.add("Your Worker is sending Tail events to the following Workers:");
            lines.addAll(consumers);
        }
        return lines;
    }

    /** The rows for {@code --json}: {@code {"name", "type", "resource"}}, the resource {@code null} when none. */
    public static JsonArray json(List<Row> rows) {
        JsonArray array = new JsonArray();
        for (Row row : rows) {
            JsonObject object = new JsonObject();
            object.addProperty("name", row.name());
            object.addProperty("type", row.type());
            object.addProperty("resource", row.value());
            array.add(object);
        }
        return array;
    }

    private static void consumers(JsonArray list, String suffix, List<String> into) {
        if (list != null) {
            for (JsonElement consumer : list) {
                into.add("- " + shown(consumer.getAsJsonObject().get("service").getAsString()) + suffix);
            }
        }
    }

    /** What wrangler shows in the parentheses of each kind; {@code null} for none. */
    static String value(Binding b) {
        return switch (b.kind()) {
            case PLAIN_TEXT -> "\"" + truncate(b.config().getAsString()) + "\"";
            case JSON -> truncate(Json.compact(b.config()));
            case DURABLE_OBJECT ->
                b.string("class_name")
                        + (empty(b.string("script_name")) ? "" : ", defined in " + b.string("script_name"));
            case WORKFLOW ->
                b.string("class_name")
                        + (empty(b.string("script_name")) ? "" : " (defined in " + b.string("script_name") + ")");
            case KV_NAMESPACE, HYPERDRIVE -> b.string("id");
            case SEND_EMAIL -> sendEmail(b);
            case QUEUE -> b.string("queue");
            case D1 -> first(b.string("preview_database_id"), b.string("database_name"), b.string("database_id"));
            case VECTORIZE -> b.string("index_name");
            case AI_SEARCH -> b.string("instance_name");
            case VPC_SERVICE -> b.string("service_id");
            case VPC_NETWORK -> first(b.string("tunnel_id"), b.string("network_id"));
            case R2_BUCKET ->
                b.string("bucket_name") == null
                        ? null
                        : b.string("bucket_name")
                                + (empty(b.string("jurisdiction")) ? "" : " (" + b.string("jurisdiction") + ")");
            case LOGFWDR -> b.string("destination");
            case SECRETS_STORE_SECRET -> b.string("store_id") + "/" + b.string("secret_name");
            case ARTIFACTS -> b.string("namespace");
            case UNSAFE_HELLO_WORLD -> truthy(b.entry().get("enable_timer")) ? "Timer enabled" : "Timer disabled";
            case FLAGSHIP -> b.string("app_id");
            case SERVICE -> b.string("service") + (empty(b.string("entrypoint")) ? "" : "#" + b.string("entrypoint"));
            case ANALYTICS_ENGINE -> b.string("dataset") != null ? b.string("dataset") : b.name();
            case AI -> truthy(b.entry().get("staging")) ? "staging" : null;
            case PIPELINES -> empty(b.string("stream")) ? b.string("pipeline") : b.string("stream");
            case K2 -> b.string("stream");
            case RATELIMIT -> ratelimit(b.entry().getAsJsonObject("simple"));
            case DISPATCH_NAMESPACE ->
                b.entry().get("outbound") instanceof JsonObject outbound
                        ? b.string("namespace") + " (outbound -> "
                                + outbound.get("service").getAsString() + ")"
                        : b.string("namespace");
            case MTLS_CERTIFICATE -> b.string("certificate_id");
            default -> null; // browser, analytics, images, stream, media, assets, version metadata, worker loader
        };
    }

    private static String sendEmail(Binding b) {
        JsonObject entry = b.entry();
        String value = !empty(b.string("destination_address"))
                ? b.string("destination_address")
                : entry.get("allowed_destination_addresses") instanceof JsonArray allowed && !allowed.isEmpty()
                        ? join(allowed)
                        : "unrestricted";
        if (entry.get("allowed_sender_addresses") instanceof JsonArray senders) {
            value += " - senders: " + join(senders);
        }
        return value;
    }

    private static String ratelimit(JsonObject simple) {
        return JsNumber.format(simple.get("limit").getAsDouble()) + " requests/"
                + JsNumber.format(simple.get("period").getAsDouble()) + "s";
    }

    private static String join(JsonArray values) {
        List<String> items = new ArrayList<>();
        values.forEach(v -> items.add(v.getAsString()));
        return String.join(", ", items);
    }

    /** wrangler's {@code truncate}: 40 characters or more become the first 37 and {@code ...}. */
    private static String truncate(String s) {
        return s.length() < 40 ? s : s.substring(0, 37) + "...";
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static boolean empty(String s) {
        return s == null || s.isEmpty();
    }

    private static boolean truthy(JsonElement value) {
        return value != null
                && value.isJsonPrimitive()
                && value.getAsJsonPrimitive().isBoolean()
                && value.getAsBoolean();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String shown(String s) {
        return TerminalText.escape(s);
    }
}
