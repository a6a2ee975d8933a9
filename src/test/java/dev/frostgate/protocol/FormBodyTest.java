package dev.frostgate.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormBodyTest {

    private static FormBody parse(String body) throws Exchange.BadBodyException {
        return FormBody.parse(body.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void decodesPlusPercentEscapesAndUtf8() throws Exception {
        FormBody form = parse("login_name=J%C3%B6rg+M&password=a%26b%3Dc&empty=&flag");

        assertThat(form.value("login_name")).contains("Jörg M");
        assertThat(form.value("password")).contains("a&b=c");
        assertThat(form.value("empty")).contains("");
        assertThat(form.value("flag")).contains("");
        assertThat(form.value("missing")).isEmpty();
        assertThat(form.names()).containsExactly("login_name", "password", "empty", "flag");
    }

    @Test
    void keepsEveryValueOfARepeatedFieldInOrder() throws Exception {
        FormBody form = parse("scope=a&&scope=b");

        assertThat(form.value("scope")).contains("a");
        assertThat(form.values("scope")).containsExactly("a", "b");
        assertThat(parse("").names()).isEmpty();
    }

    @Test
    void refusesBrokenEscapesAndBytesThatAreNotUtf8() {
        for (String body : List.of("a=%", "a=%4", "a=%zz", "a=%C3", "a=%FF%FE", "%G1=b")) {
            assertThatThrownBy(() -> parse(body)).as(body).isInstanceOf(Exchange.BadBodyException.class)
                    .hasMessageStartingWith("the form is malformed")
                    .satisfies(bad -> assertThat(((Exchange.BadBodyException) bad).tooLarge()).isFalse());
        }
    }

    @Test
    void refusesAFloodOfFields() {
        String body = "f=1&".repeat(FormBody.MAXIMUM_FIELDS + 1);

        assertThatThrownBy(() -> parse(body)).isInstanceOf(Exchange.BadBodyException.class)
                .hasMessageContaining("more than " + FormBody.MAXIMUM_FIELDS + " fields");
    }

    @Test
    void neverPrintsValues() throws Exception {
        assertThat(parse("password=hunter2").toString()).doesNotContain("hunter2").contains("password");
    }
}
