package dev.assetsdeploy.fakeapi;

import static dev.assetsdeploy.fakeapi.Envelope.success;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Cron triggers: {@code GET/PUT .../scripts/NAME/schedules}. The PUT replaces them ({@code []} clears them). A cron
 * must have five fields; that check and its code (10021) are the fake's own.
 */
final class SchedulesArea implements FakeArea {

    private static final String SCRIPT = "^/accounts/([^/]+)/workers/scripts/([^/]+)";

    private final FakeCloudflareApi api;
    private final List<String> problems;

    SchedulesArea(FakeCloudflareApi api, List<String> problems) {
        this.api = api;
        this.problems = problems;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.of("GET", SCRIPT + "/schedules$", JsonCall.account(api, problems, this::get)),
                Route.of("PUT", SCRIPT + "/schedules$", JsonCall.account(api, problems, this::put)));
    }

    private JsonObject get(JsonCall call) {
        return success(schedules(call.workerToRead(call.group(2))));
    }

    private JsonObject put(JsonCall call) {
        Worker worker = call.workerToChange(call.group(2));
        List<String> crons = new ArrayList<>();
        for (JsonElement element : call.jsonArray("the schedules")) {
            JsonElement cron =
                    element.isJsonObject() ? element.getAsJsonObject().get("cron") : null;
            if (!JsonValues.isString(cron) || element.getAsJsonObject().size() != 1) {
                throw ApiError.invalid("a schedule is {\"cron\": \"...\"}, got " + element);
            }
            if (cron.getAsString().strip().split("\\s+").length != 5) {
                throw ApiError.invalid("invalid cron '" + cron.getAsString() + "': five fields expected");
            }
            crons.add(cron.getAsString());
        }
        worker.crons = crons;
        worker.cronsModifiedOn = call.state.stamp();
        return success(schedules(worker));
    }

    private static JsonObject schedules(Worker worker) {
        JsonArray list = new JsonArray();
        for (String cron : worker.crons) {
            JsonObject schedule = new JsonObject();
            schedule.addProperty("cron", cron);
            schedule.addProperty("created_on", worker.cronsModifiedOn);
            schedule.addProperty("modified_on", worker.cronsModifiedOn);
            list.add(schedule);
        }
        JsonObject result = new JsonObject();
        result.add("schedules", list);
        return result;
    }
}
