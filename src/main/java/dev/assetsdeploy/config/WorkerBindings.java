package dev.assetsdeploy.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

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

    private static final BigInteger MAX_ARRAY_INDEX = BigInteger.valueOf(4294967294L);

    /** The bindings of {@code kind}, in config order. */
    public List<Binding> ofKind(BindingKind kind) {
        return list.stream().filter(b -> b.kind() == kind).toList();
    }

    /**
     * The bindings of these kinds in the order wrangler iterates them. wrangler keys its bindings by name in one
     * JavaScript object, whose own properties come in that order: names that are array indices ({@code "0"},
     * {@code "123"}) first, ascending, then the others in insertion (config) order.
     */
    public List<Binding> inWranglerOrder(Set<BindingKind> kinds) {
        List<Binding> indices = new ArrayList<>();
        List<Binding> others = new ArrayList<>();
        for (Binding binding : list) {
            if (kinds.contains(binding.kind())) {
                (isArrayIndex(binding.name()) ? indices : others).add(binding);
            }
        }
        indices.sort(Comparator.comparing(b -> new BigInteger(b.name())));
        indices.addAll(others);
        return indices;
    }

    private static boolean isArrayIndex(String name) {
        if (name.isEmpty() || name.length() > 10 || !name.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return (name.equals("0") || name.charAt(0) != '0') && new BigInteger(name).compareTo(MAX_ARRAY_INDEX) <= 0;
    }
}
