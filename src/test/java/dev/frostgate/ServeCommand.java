package dev.frostgate;

import java.util.Map;
import picocli.CommandLine;

/** The serve command parsed as the launcher parses it, but over the given environment, not the process's. */
final class ServeCommand {
    private ServeCommand() {}

    static Frostgate.Serve parse(Map<String, String> environment, String... arguments) {
        Frostgate.Serve serve = new Frostgate.Serve();
        new CommandLine(serve).setDefaultValueProvider(new EnvironmentDefaults(environment::get)).parseArgs(arguments);
        return serve;
    }
}
