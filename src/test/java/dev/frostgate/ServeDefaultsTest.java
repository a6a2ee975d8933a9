package dev.frostgate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.server.ServerConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every serve option: its built-in default is the embedded server's, and its variable is the documented one. */
class ServeDefaultsTest {

    @Test
    void withoutOptionsOrVariablesTheServerStartsAsAnEmbeddedOneButOnPort8080AndInDotData() {
        ServerConfig parsed = ServeCommand.parse(Map.of()).config(Map.<String, String>of()::get);

        assertThat(parsed.port()).isEqualTo(8080);
        assertThat(parsed.dataDirectory()).isEqualTo(Path.of("./data"));
        assertThat(parsed).usingRecursiveComparison().ignoringFields("port", "dataDirectory")
                .isEqualTo(ServerConfig.embedded(Path.of("./data")));
    }

    @Test
    void everyOptionIsReadFromTheVariableItsHelpNames() {
        CommandLine.Model.CommandSpec serve = new CommandLine(new Frostgate.Serve()).getCommandSpec();
        Map<String, String> environment = Map.of("FROSTGATE_HOST", "0.0.0.0", "FROSTGATE_PORT", "9999",
                "FROSTGATE_ACCOUNT", "acme", "FROSTGATE_TRUSTED_PROXIES", "10.0.0.1, 10.0.0.2",
                "FROSTGATE_ADMIN_PASSWORD", "from-the-environment");

        ServerConfig parsed = ServeCommand.parse(environment).config(environment::get);

        assertThat(serve.options()).filteredOn(option -> !option.usageHelp() && !option.versionHelp())
                .hasSize(15).allSatisfy(option -> assertThat(String.join(" ", option.description()))
                        .as(option.longestName()).contains("(" + EnvironmentDefaults.variableOf(option)));
        assertThat(parsed.host()).isEqualTo("0.0.0.0");
        assertThat(parsed.port()).isEqualTo(9999);
        assertThat(parsed.accountName()).isEqualTo("ACME");
        assertThat(parsed.trustedProxies()).isEqualTo(Set.of("10.0.0.1", "10.0.0.2"));
        assertThat(parsed.adminPassword()).contains("from-the-environment");
        assertThat(ServeCommand.parse(environment, "--port", "7000").config(environment::get).port())
                .as("an option beats its variable").isEqualTo(7000);
    }
}
