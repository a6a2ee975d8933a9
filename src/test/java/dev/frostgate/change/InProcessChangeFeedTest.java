package dev.frostgate.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InProcessChangeFeedTest {
    private final InProcessChangeFeed feed = new InProcessChangeFeed();

    @Test
    void subscribersHearOnlyTheKindTheySubscribedTo() {
        List<String> users = new ArrayList<>();
        List<Change> everything = new ArrayList<>();
        feed.subscribe(Change.UserChanged.class, change -> users.add(change.userName()));
        feed.subscribe(Change.class, everything::add);

        feed.publish(new Change.UserChanged("ALICE"));
        feed.publish(new Change.GrantsChanged());

        assertThat(users).containsExactly("ALICE");
        assertThat(everything).containsExactly(new Change.UserChanged("ALICE"), new Change.GrantsChanged());
    }

    @Test
    void aFailingSubscriberNeitherFailsThePublisherNorSilencesTheOthers() {
        List<Change> heard = new ArrayList<>();
        feed.subscribe(Change.class, change -> {
            throw new IllegalStateException("broken cache");
        });
        feed.subscribe(Change.class, heard::add);

        feed.publish(new Change.PoliciesChanged());

        assertThat(heard).containsExactly(new Change.PoliciesChanged());
    }
}
