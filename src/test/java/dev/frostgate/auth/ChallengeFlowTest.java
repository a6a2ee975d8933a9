package dev.frostgate.auth;

import static dev.frostgate.testing.CoreFixture.admitted;
import static dev.frostgate.testing.CoreFixture.challenged;
import static dev.frostgate.testing.CoreFixture.client;
import static dev.frostgate.testing.CoreFixture.login;
import static dev.frostgate.testing.CoreFixture.password;
import static dev.frostgate.testing.CoreFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frostgate.error.ErrorCode;
import dev.frostgate.testing.CoreFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The challenge mechanism on the real core, with a test stage standing in for a second factor: a login is
 * suspended with a question, resumed with the answer, expires on the clock and cannot be answered twice.
 */
class ChallengeFlowTest {
    private static final String PASSWORD = "Challenge-Test-Password-1";
    private static final String CODE = "246810";
    private static final Duration LIFETIME = Duration.ofMinutes(2);
    private static CoreFixture fixture;

    /** Asks users whose name starts with CHALLENGED_ for a fixed code; a wrong one refuses like a password. */
    private static final class TestCode implements ChallengeStage {
        @Override
        public Optional<Challenge.Prompt> challenge(LoginPipeline.Admission admission, LoginRequest.ClientInfo client) {
            return admission.user().name().startsWith("CHALLENGED_") ? Optional.of(new Challenge.SecondFactor("TEST_CODE"))
                    : Optional.empty();
        }

        @Override
        public void verify(LoginPipeline.Admission admission, Challenge.Prompt asked, ChallengeAnswer answer) {
            if (!answer.value("passcode").equals(Optional.of(CODE))) {
                throw new LoginFailure(ErrorCode.INCORRECT_USERNAME_PASSWORD, Optional.of(admission.user().name()));
            }
        }

        @Override
        public Duration lifetime() {
            return LIFETIME;
        }
    }

    @BeforeAll
    static void start() {
        fixture = CoreFixture.start(List.of(new TestCode()));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static ChallengeAnswer code(String passcode) {
        return new ChallengeAnswer(Map.of("passcode", passcode));
    }

    private static LoginOutcome resume(Challenge challenge, ChallengeAnswer answer) {
        return fixture.core().logins().resume(challenge.flowId(), answer, client(CoreFixture.DEFAULT_ADDRESS));
    }

    private static Challenge challengeFor(String user) {
        return challenged(fixture.login(password(user, PASSWORD))).challenge();
    }

    @Test
    void aChallengedLoginIsAdmittedOnceTheAnswerIsRightAndOnlyThen() {
        fixture.sql("CREATE USER challenged_alice PASSWORD = '" + PASSWORD + "' DEFAULT_ROLE = PUBLIC");

        Challenge challenge = challengeFor("challenged_alice");

        assertThat(challenge.prompt()).isEqualTo(new Challenge.SecondFactor("TEST_CODE"));
        assertThat(challenge.expiresAt()).isEqualTo(fixture.now().plus(LIFETIME));
        assertThat(challenge.toString()).doesNotContain(challenge.flowId());
        assertThat(fixture.loginHistory("challenged_alice")).as("nothing is recorded while the question is open")
                .isEmpty();
        LoginOutcome.Admitted admitted = admitted(resume(challenge, code(CODE)));
        assertThat(admitted.user().name()).isEqualTo("CHALLENGED_ALICE");
        assertThat(admitted.issued().session().primaryRole()).isEqualTo("PUBLIC");
        assertThat(fixture.core().sessions().authenticate(admitted.issued().sessionToken(),
                CoreFixture.DEFAULT_ADDRESS).userName()).isEqualTo("CHALLENGED_ALICE");
        assertThat(fixture.loginHistory("challenged_alice")).containsExactly("YES");
    }

    @Test
    void anAnsweredFlowCannotBeReplayed() {
        fixture.sql("CREATE USER challenged_bob PASSWORD = '" + PASSWORD + "'");
        Challenge challenge = challengeFor("challenged_bob");
        admitted(resume(challenge, code(CODE)));

        LoginOutcome replayed = resume(challenge, code(CODE));

        assertThat(refused(replayed).failure().errorCode()).isEqualTo(ErrorCode.LOGIN_FLOW_NOT_FOUND);
        assertThat(refused(replayed).failure().errorCode().code()).isEqualTo("390410");
        assertThat(fixture.loginHistory("challenged_bob")).containsExactly("YES");
    }

    @Test
    void aWrongAnswerEndsTheFlowWithTheStagesRefusalRecorded() {
        fixture.sql("CREATE USER challenged_carol PASSWORD = '" + PASSWORD + "'");
        Challenge challenge = challengeFor("challenged_carol");

        LoginOutcome wrong = resume(challenge, code("000000"));
        LoginOutcome retried = resume(challenge, code(CODE));

        assertThat(refused(wrong).failure().errorCode().code()).isEqualTo("390100");
        assertThat(refused(retried).failure().errorCode().code()).isEqualTo("390410");
        assertThat(fixture.loginHistory("challenged_carol")).containsExactly("NO INCORRECT_USERNAME_PASSWORD");
    }

    @Test
    void anUnansweredQuestionExpiresOnTheClock() {
        fixture.sql("CREATE USER challenged_dave PASSWORD = '" + PASSWORD + "'");
        Challenge inTime = challengeFor("challenged_dave");
        Challenge late = challengeFor("challenged_dave");

        fixture.clock().advance(LIFETIME.minusSeconds(1));
        admitted(resume(inTime, code(CODE)));
        fixture.clock().advance(Duration.ofSeconds(1));
        LoginOutcome expired = resume(late, code(CODE));

        assertThat(refused(expired).failure().errorCode().code()).isEqualTo("390410");
        assertThat(refused(expired).failure().getMessage()).isEqualTo(ErrorCode.LOGIN_FLOW_NOT_FOUND.format());
    }

    @Test
    void aFlowResumedFromAnotherAddressIsRefusedAndUsedUp() {
        fixture.sql("CREATE USER challenged_erin PASSWORD = '" + PASSWORD + "'");
        Challenge challenge = challengeFor("challenged_erin");

        LoginOutcome elsewhere = fixture.core().logins().resume(challenge.flowId(), code(CODE), client("10.9.9.9"));

        assertThat(refused(elsewhere).failure().errorCode().code()).isEqualTo("390410");
        assertThat(refused(resume(challenge, code(CODE))).failure().errorCode().code()).isEqualTo("390410");
        assertThat(fixture.loginHistory("challenged_erin")).containsExactly("NO LOGIN_FLOW_NOT_FOUND");
    }

    @Test
    void aUserDisabledWhileTheQuestionIsOpenIsRefusedOnResumption() {
        fixture.sql("CREATE USER challenged_frank PASSWORD = '" + PASSWORD + "'");
        Challenge challenge = challengeFor("challenged_frank");
        fixture.sql("ALTER USER challenged_frank SET DISABLED = TRUE");

        assertThat(refused(resume(challenge, code(CODE))).failure().errorCode().code()).isEqualTo("390101");
    }

    @Test
    void anUnknownFlowIdIsRefusedAndUsersNoStageAsksAreAdmittedAtOnce() {
        fixture.sql("CREATE USER plain_grace PASSWORD = '" + PASSWORD + "'");

        assertThat(refused(fixture.core().logins().resume("no-such-flow", code(CODE),
                client(CoreFixture.DEFAULT_ADDRESS))).failure().errorCode().code()).isEqualTo("390410");
        assertThat(admitted(fixture.login(password("plain_grace", PASSWORD))).user().name()).isEqualTo("PLAIN_GRACE");
    }

    @Test
    void aBearerCannotAnswerAQuestionSoAStageThatAsksRefusesIt() {
        fixture.sql("CREATE USER challenged_heidi PASSWORD = '" + PASSWORD + "'");

        assertThatThrownBy(() -> fixture.core().logins().admitBearer(login("challenged_heidi").password(PASSWORD)
                .request(), AuthenticationMethod.PASSWORD, ErrorCode.INCORRECT_USERNAME_PASSWORD))
                .isInstanceOf(LoginFailure.class)
                .satisfies(failure -> assertThat(((LoginFailure) failure).errorCode().code()).isEqualTo("390501"))
                .hasMessageContaining("(TEST_CODE)");
        assertThat(fixture.loginHistory("challenged_heidi")).containsExactly("NO LOGIN_CHALLENGE_NOT_SUPPORTED");
    }
}
