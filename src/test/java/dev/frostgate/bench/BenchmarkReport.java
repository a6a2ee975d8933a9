package dev.frostgate.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * What every scenario of {@code bench/run} shares: the main method's frame (exit status 0 valid and all goals
 * met, 1 a goal missed, 2 invalid or aborted), the Goals and Errors sections, and the {@code BENCH-SUMMARY
 * {json}} line with the run's facts.
 */
final class BenchmarkReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchmarkReport() {}

    /** Runs a scenario and exits with its status; a failure or {@link BenchmarkAborted} exits with 2. */
    static void exitWith(Callable<Integer> scenario) {
        // Jetty closes a connection idle for 30 s, the JDK client keeps one for 30 s: a request sent on
        // a connection the server is closing fails. The client lets go of idle connections first.
        if (System.getProperty("jdk.httpclient.keepalive.timeout") == null) {
            System.setProperty("jdk.httpclient.keepalive.timeout", "10");
        }
        int status;
        try {
            if (Runtime.version().feature() < 21) {
                throw new BenchmarkAborted("the benchmark JVM is Java " + Runtime.version() + "; Java 21 or newer is "
                        + "needed (it also runs the server)");
            }
            status = scenario.call();
        } catch (BenchmarkAborted aborted) {
            status = aborted(aborted.getMessage(), null);
        } catch (Exception failure) {
            status = aborted(failure.toString(), failure);
        }
        System.exit(status);
    }

    private static int aborted(String message, Exception failure) {
        System.out.println();
        System.out.println("ABORTED: " + message);
        if (failure != null) {
            failure.printStackTrace(System.out);
        }
        System.out.println("BENCH-SUMMARY {\"valid\":false,\"aborted\":" + JSON.valueToTree(message) + "}");
        return 2;
    }

    static void printGoals(List<Goal> goals) {
        System.out.println("Goals");
        goals.forEach(goal -> System.out.println(goal.row()));
    }

    /** Prints the Errors section; whether the run is a valid measurement (no request failed). */
    static boolean printErrors(RequestErrors errors) {
        System.out.println();
        if (errors.total() == 0) {
            System.out.println("Errors: none; this is a valid measurement.");
            return true;
        }
        System.out.println("Errors: " + errors.total() + " -- NOT A VALID MEASUREMENT");
        errors.byKind().forEach((kind, count) -> System.out.printf(Locale.ROOT, "  %6d  %s%n", count, kind));
        errors.firstMessages().forEach(message -> System.out.println("  e.g. " + message));
        return false;
    }

    /** The summary's first keys: valid, allGoalsMet, errors. */
    static Map<String, Object> summary(boolean valid, List<Goal> goals, RequestErrors errors) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("valid", valid);
        summary.put("allGoalsMet", allMet(goals));
        summary.put("errors", errors.total());
        return summary;
    }

    /** Adds the goals' verdicts and the run's settings and machine, prints the line; the exit status. */
    static int printSummary(Map<String, Object> summary, List<Goal> goals, BenchmarkSettings settings) {
        Map<String, String> verdicts = new LinkedHashMap<>();
        goals.forEach(goal -> verdicts.put(goal.key(), goal.verdict()));
        summary.put("goals", verdicts);
        summary.put("clients", settings.clients());
        summary.put("loginThreads", settings.loginThreads());
        summary.put("warmupSeconds", settings.warmupSeconds());
        summary.put("measureSeconds", settings.measureSeconds());
        summary.put("java", Runtime.version().toString());
        summary.put("cpus", Runtime.getRuntime().availableProcessors());
        try {
            System.out.println("BENCH-SUMMARY " + JSON.writeValueAsString(summary));
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        boolean valid = Boolean.TRUE.equals(summary.get("valid"));
        return !valid ? 2 : allMet(goals) ? 0 : 1;
    }

    private static boolean allMet(List<Goal> goals) {
        return goals.stream().allMatch(Goal::met);
    }

    static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    /** 1000 → "1k", 1000000 → "1M", otherwise grouped digits. */
    static String shortCount(long count) {
        if (count % 1_000_000 == 0) {
            return count / 1_000_000 + "M";
        }
        return count % 1_000 == 0 ? count / 1_000 + "k" : String.format(Locale.ROOT, "%,d", count);
    }

    /** Seconds as given: 5 rather than 5.0. */
    static String trim(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }
}
