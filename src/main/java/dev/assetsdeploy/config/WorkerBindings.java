package dev.assetsdeploy.config;

import java.util.List;

/**
 * What the Worker code will find in {@code env}, from the config (the selected environment's own; wrangler does not
 * inherit bindings or vars into an environment).
 *
 * @param list            every binding, the assets binding included, in config order
 * @param requiredSecrets {@code secrets.required}: names the live Worker must already have as secrets; they are sent
 *                        as {@code inherit} bindings
 * @param keepVars        {@code keep_vars}: the vars and JSON values set elsewhere (the dashboard) survive the deploy
 */
public record WorkerBindings(List<Binding> list, List<String> requiredSecrets, boolean keepVars) {

    public static final WorkerBindings NONE = new WorkerBindings(List.of(), List.of(), false);

    public WorkerBindings {
        list = List.copyOf(list);
        requiredSecrets = List.copyOf(requiredSecrets);
    }

    public List<Binding> ofKind(BindingKind kind) {
        return list.stream().filter(b -> b.kind() == kind).toList();
    }
}
