package dev.frostgate;

import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * The serve options' environment variables: {@code FROSTGATE_} and the option's name upper-cased with dashes
 * as underscores ({@code --jobs-interval-seconds} → {@code FROSTGATE_JOBS_INTERVAL_SECONDS}). A variable that
 * is set beats the option's built-in default, an option given on the command line beats both. The environment
 * is a parameter so that tests do not depend on the variables of whoever runs them.
 */
final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {
    private final Function<String, String> environment;

    /** The process's environment; picocli creates it for {@code serve}. */
    EnvironmentDefaults() {
        this(System::getenv);
    }

    EnvironmentDefaults(Function<String, String> environment) {
        this.environment = environment;
    }

    static String variableOf(CommandLine.Model.OptionSpec option) {
        return "FROSTGATE_" + option.longestName().replaceFirst("^--", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec argument) {
        // Help and version flags have no variable; only the server's options do.
        if (!(argument instanceof CommandLine.Model.OptionSpec option) || option.usageHelp() || option.versionHelp()) {
            return null;
        }
        return environment.apply(variableOf(option));
    }
}
