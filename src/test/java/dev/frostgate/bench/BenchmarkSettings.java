package dev.frostgate.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * The benchmarks' settings, from {@code bench.*} system properties (defaults as in bench/run's header).
 * {@code jwtRateEstimate}: logins per second a token pool of the JWT benchmark is sized for; 0 (the default)
 * sizes each pool from a short probe of the same logins. {@code scaleUsers} and {@code scaleSmallUsers}: the users
 * of the scale benchmark's large and small stores; {@code scaleStatementTimeoutSeconds}: how long one of its
 * statements may take before its phase ends as timed out.
 */
record BenchmarkSettings(double warmupSeconds, double measureSeconds, int clients, int loginThreads, Path jar,
                         String launcher, List<String> serverJavaOptions, double startupTimeoutSeconds,
                         int tokens, double jwtRateEstimate, int scaleUsers, int scaleSmallUsers,
                         double scaleStatementTimeoutSeconds) {

    /** The smaller token store of phase (g); {@code bench.tokens} is the larger one. */
    static final int FEW_TOKENS = 1_000;

    static BenchmarkSettings fromSystemProperties() {
        String options = System.getProperty("bench.serverJavaOptions", "").trim();
        BenchmarkSettings settings = new BenchmarkSettings(
                Double.parseDouble(System.getProperty("bench.warmupSeconds", "5")),
                Double.parseDouble(System.getProperty("bench.measureSeconds", "10")),
                Integer.parseInt(System.getProperty("bench.clients", "8")),
                Integer.parseInt(System.getProperty("bench.loginThreads", "2")),
                Path.of(System.getProperty("bench.jar", "target/frostgate.jar")),
                System.getProperty("bench.launcher", "./frostgate"),
                options.isEmpty() ? List.of() : List.of(options.split("\\s+")),
                Double.parseDouble(System.getProperty("bench.startupTimeoutSeconds", "60")),
                count("bench.tokens", "1000000"),
                Double.parseDouble(System.getProperty("bench.jwtRateEstimate", "0")),
                count("bench.scaleUsers", "100000"),
                count("bench.scaleSmallUsers", "100"),
                Double.parseDouble(System.getProperty("bench.scaleStatementTimeoutSeconds", "120")));
        if (settings.tokens() <= FEW_TOKENS) {
            throw new BenchmarkAborted("bench.tokens must be more than " + FEW_TOKENS + " (got " + settings.tokens()
                    + ")");
        }
        if (settings.scaleUsers() <= settings.scaleSmallUsers()) {
            throw new BenchmarkAborted("bench.scaleUsers must be more than bench.scaleSmallUsers (got "
                    + settings.scaleUsers() + " and " + settings.scaleSmallUsers() + ")");
        }
        if (settings.scaleStatementTimeoutSeconds() <= 0) {
            throw new BenchmarkAborted("bench.scaleStatementTimeoutSeconds must be positive");
        }
        return settings;
    }

    /** A count setting; digits may be grouped with underscores (100_000). */
    private static int count(String property, String defaultValue) {
        return Integer.parseInt(System.getProperty(property, defaultValue).replace("_", ""));
    }
}
