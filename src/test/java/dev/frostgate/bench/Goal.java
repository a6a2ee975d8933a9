package dev.frostgate.bench;

import java.util.Locale;

/** One line of the Goals table: a measured value against its bound, with its BENCH-SUMMARY key. */
record Goal(String label, String key, String name, double value, String comparison, double goal, String shown,
            String goalShown) {

    /** A ratio goal "value >= goal", shown with three decimals. */
    static Goal atLeast(String label, String key, String name, double value, double goal) {
        return new Goal(label, key, name, value, ">=", goal, String.format(Locale.ROOT, "%.3f", value),
                String.format(Locale.ROOT, "%.2f", goal));
    }

    /**
     * A ratio goal "value >= goal" of which only an upper bound is known (the measure timed out), shown as
     * "&lt; bound"; it misses, also when the bound is not below the goal (then the verdict is unknown).
     */
    static Goal atLeastWithUpperBound(String label, String key, String name, double bound, double goal) {
        return new Goal(label, key, name, bound < goal ? bound : Double.NaN, ">=", goal,
                String.format(Locale.ROOT, "< %.2g", bound), String.format(Locale.ROOT, "%.2f", goal));
    }

    /** An upper bound "value < goal" in {@code unit}; a negative value (not measured) misses. */
    static Goal below(String label, String key, String name, double value, double goal, String valueFormat,
                      String goalFormat) {
        return new Goal(label, key, name, value, "<", goal, String.format(Locale.ROOT, valueFormat, value),
                String.format(Locale.ROOT, goalFormat, goal));
    }

    /** A throughput with no bound of its own: met when its phase completed requests and had no errors. */
    static Goal validPhase(String label, String key, String name, PhaseResult phase) {
        double value = phase.errors() == 0 ? phase.rate() : 0;
        return new Goal(label, key, name, value, ">", 0, String.format(Locale.ROOT, "%.1f/s", phase.rate()),
                "0/s");
    }

    boolean met() {
        return switch (comparison) {
            case ">=" -> value >= goal;
            case ">" -> value > goal;
            default -> value < goal && value >= 0;
        };
    }

    String verdict() {
        return met() ? "PASS" : "MISS";
    }

    String row() {
        return String.format(Locale.ROOT, "  (%s) %-44s %12s   goal %s %-7s %s", label, name, shown, comparison,
                goalShown, verdict());
    }
}
