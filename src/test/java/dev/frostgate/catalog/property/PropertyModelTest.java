package dev.frostgate.catalog.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.frostgate.error.ErrorCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PropertyModelTest {
    private static final PropertyModel MODEL = PropertyModel.of("THING",
            PropertyDeclaration.text("COMMENT"),
            PropertyDeclaration.choice("MODE", "INGRESS", "EGRESS"),
            PropertyDeclaration.choices("METHODS", List.of("ALL"), Set.of("ALL", "PASSWORD", "KEYPAIR")),
            PropertyDeclaration.texts("VALUES"),
            PropertyDeclaration.name("OWNER_NAME"),
            PropertyDeclaration.decimal("DAYS", 0, 10),
            PropertyDeclaration.integer("COUNT", 1, 1, 5),
            PropertyDeclaration.custom("SECRET").asSecret());

    private static PropertySetting setting(String name, PropertyValue value) {
        return new PropertySetting(name, value);
    }

    private static PropertyFailure failure(List<PropertySetting> settings) {
        return assertThrows(InvalidPropertyException.class, () -> MODEL.read(settings)).failure();
    }

    @Test
    void readsAndNormalisesEachDeclaredKind() {
        List<PropertyModel.Read> reads = MODEL.read(List.of(
                setting("COMMENT", new PropertyValue.Text("")),
                setting("MODE", new PropertyValue.Word("egress")),
                setting("METHODS", new PropertyValue.ListOf(List.of(new PropertyValue.Text("password"),
                        new PropertyValue.Word("PASSWORD"), new PropertyValue.Word("KEYPAIR")))),
                setting("VALUES", new PropertyValue.ListOf(List.of())),
                setting("DAYS", new PropertyValue.Number(new BigDecimal("2.5"))),
                setting("COUNT", new PropertyValue.Text("5")),
                setting("SECRET", new PropertyValue.Text("s3cr3t"))));
        assertThat(reads).extracting(PropertyModel.Read::values).containsExactly(List.of(""), List.of("EGRESS"),
                List.of("PASSWORD", "KEYPAIR"), List.of(), List.of("2.5"), List.of("5"), List.of());
        assertThat(reads.get(6).written()).isEqualTo(new PropertyValue.Text("s3cr3t"));
    }

    @Test
    void anUnknownNameIsRefusedWithTheKind() {
        PropertyFailure failure = failure(List.of(setting("COLOUR", PropertyValue.text("red"))));
        assertThat(failure).isEqualTo(new PropertyFailure.UnknownProperty("COLOUR", "THING"));
        InvalidPropertyException exception = new InvalidPropertyException(failure);
        assertThat(exception.errorCode()).isEqualTo(ErrorCode.INVALID_PROPERTY);
        assertThat(exception.getMessage()).isEqualTo("SQL compilation error:\ninvalid property 'COLOUR' for 'THING'.");
        assertThat(assertThrows(InvalidPropertyException.class, () -> MODEL.unset(List.of("COLOUR"))).failure())
                .isEqualTo(failure);
    }

    @Test
    void aNameGivenTwiceIsRefusedInSetAndUnset() {
        List<PropertySetting> twice = List.of(setting("COMMENT", PropertyValue.text("a")),
                setting("COMMENT", PropertyValue.text("b")));
        assertThat(failure(twice)).isEqualTo(new PropertyFailure.Duplicate("COMMENT"));
        assertThat(assertThrows(InvalidPropertyException.class, () -> MODEL.unset(List.of("COUNT", "COUNT")))
                .errorCode()).isEqualTo(ErrorCode.DUPLICATE_PROPERTY);
    }

    @Test
    void wrongValuesAreTypedFailures() {
        assertThat(failure(List.of(setting("MODE", new PropertyValue.Word("SIDEWAYS")))))
                .isEqualTo(new PropertyFailure.InvalidValueBecause("MODE", "SIDEWAYS",
                        "allowed values are INGRESS, EGRESS"));
        assertThat(failure(List.of(setting("METHODS", new PropertyValue.Word("SAML")))))
                .isEqualTo(new PropertyFailure.InvalidValue("METHODS", "SAML"));
        assertThat(failure(List.of(setting("METHODS", new PropertyValue.ListOf(List.of())))))
                .isEqualTo(new PropertyFailure.InvalidValue("METHODS", "[]"));
        assertThat(failure(List.of(setting("OWNER_NAME", PropertyValue.text("  ")))))
                .isEqualTo(new PropertyFailure.InvalidValue("OWNER_NAME", "  "));
        assertThat(failure(List.of(setting("DAYS", new PropertyValue.Number(new BigDecimal("10.5"))))))
                .isEqualTo(new PropertyFailure.InvalidValue("DAYS", "10.5"));
        assertThat(failure(List.of(setting("COUNT", new PropertyValue.Number(BigDecimal.valueOf(6))))))
                .isEqualTo(new PropertyFailure.OutOfRange("COUNT", "6", 1, 5));
        assertThat(failure(List.of(setting("COMMENT", new PropertyValue.Block(List.of())))))
                .isEqualTo(new PropertyFailure.InvalidValue("COMMENT", "(...)"));
    }

    @Test
    void eachFailureHasItsOwnSnowflakeWording() {
        assertThat(new InvalidPropertyException(new PropertyFailure.OutOfRange("COUNT", "6", 1, 5)).getMessage())
                .isEqualTo("SQL compilation error:\ninvalid value [6] for parameter 'COUNT': parameter value out of "
                        + "range, the range is 1 to 5");
        assertThat(new InvalidPropertyException(new PropertyFailure.NotForUserType("PASSWORD", "SERVICE"))
                .getMessage()).isEqualTo("SQL compilation error:\nProperty 'PASSWORD' is not supported for user with "
                        + "TYPE=SERVICE.");
        assertThat(new InvalidPropertyException(new PropertyFailure.MissingOptions(List.of("OAUTH_CLIENT")))
                .getMessage()).isEqualTo("SQL compilation error:\nMissing option(s): [OAUTH_CLIENT].");
        assertThat(new InvalidPropertyException(new PropertyFailure.MutuallyExclusive("A", "B",
                Optional.of("one or the other"))).getMessage())
                .isEqualTo("SQL compilation error:\nA and B cannot both be set: one or the other.");
        assertThat(new InvalidPropertyException(new PropertyFailure.OneRequired(List.of("URL", "KEY"),
                Optional.of(new PropertyFailure.Needs("KEY_2", "KEY")))).getMessage())
                .isEqualTo("SQL compilation error:\nKEY_2 needs KEY. One of URL or KEY is required.");
        assertThat(new InvalidPropertyException(new PropertyFailure.RequiresValue("CLIENT_POLICY", "GO_DRIVER",
                "CLIENT_TYPES", "DRIVERS")).getMessage()).isEqualTo("Authentication policy can not contain "
                + "CLIENT_POLICY of 'GO_DRIVER' without including 'DRIVERS' in CLIENT_TYPES.");
        assertThat(new InvalidPropertyException(new PropertyFailure.AboveOther("DEFAULT_EXPIRY_IN_DAYS", 30,
                "MAX_EXPIRY_IN_DAYS", 10)).getMessage())
                .isEqualTo("DEFAULT_EXPIRY_IN_DAYS (30) must be between 1 and MAX_EXPIRY_IN_DAYS (10).");
    }

    @Test
    void aSecretIsNeverEchoed() {
        PropertyDeclaration secret = PropertyDeclaration.text("CLIENT_SECRET").asSecret();
        InvalidPropertyException refused = assertThrows(InvalidPropertyException.class,
                () -> secret.read(new PropertyValue.ListOf(List.of(PropertyValue.text("hunter2")))));
        assertThat(refused.getMessage()).doesNotContain("hunter2").contains("********");
        assertThat(refused.failure().toString()).doesNotContain("hunter2");
    }
}
